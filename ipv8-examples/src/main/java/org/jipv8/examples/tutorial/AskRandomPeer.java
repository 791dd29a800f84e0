package org.jipv8.examples.tutorial;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.peer.Peer;

// tag::strategy[]
/**
 * The tutorial's custom discovery strategy: each step asks one random peer for an introduction, or,
 * without peers, walks to an address someone introduced.
 */
public class AskRandomPeer extends AbstractDiscoveryStrategy<ClockCommunity> {

  public AskRandomPeer(ClockCommunity overlay) {
    super(overlay);
  }

  @Override
  public void takeStep() {
    withWalkLock(
        () -> {
          List<Peer> peers = overlay.getPeers();
          if (!peers.isEmpty()) {
            overlay.getNewIntroduction(peers.get(overlay.random().nextInt(peers.size())));
            return;
          }
          List<Address> walkable = overlay.getWalkableAddresses();
          if (!walkable.isEmpty()) {
            overlay.walkTo(walkable.get(overlay.random().nextInt(walkable.size())));
          }
        });
  }
}
// end::strategy[]
