package org.jipv8.api.loader;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import reactor.core.publisher.Mono;

/** An overlay that does nothing; remembers the peer and settings it was created with. */
public class FakeOverlay implements org.jipv8.api.community.Overlay {
  final Peer myPeer;
  final java.util.Map<String, Object> settings;

  public FakeOverlay(Peer myPeer, java.util.Map<String, Object> settings) {
    this.myPeer = myPeer;
    this.settings = settings;
  }

  @Override
  public CommunityId communityId() {
    return new CommunityId(new byte[20]);
  }

  @Override
  public Peer myPeer() {
    return myPeer;
  }

  @Override
  public List<Peer> getPeers() {
    return List.of();
  }

  @Override
  public List<Address> getWalkableAddresses() {
    return List.of();
  }

  @Override
  public void walkTo(Address address) {}

  @Override
  public void getNewIntroduction(Peer fromPeer) {}

  @Override
  public void bootstrap() {}

  @Override
  public int maxPeers() {
    return 30;
  }

  @Override
  public Mono<Void> unload() {
    return Mono.empty();
  }
}
