package org.jipv8.api.community;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import reactor.core.publisher.Mono;

/**
 * A community (overlay) as strategies, bootstrappers and the service see it.
 *
 * <p>Threading: every method that changes state must be called on the overlay's protocol thread
 * (strategy steps and message handlers already run there). Read-only methods return snapshots and
 * may be called from any thread.
 */
public interface Overlay {

  /** The 20-byte community id. */
  CommunityId communityId();

  /** This node's identity in the community (holds the private key). */
  Peer myPeer();

  /** Verified peers that serve this community (a snapshot). */
  List<Peer> getPeers();

  /** Addresses introduced to us for this community that are not yet verified peers. */
  List<Address> getWalkableAddresses();

  /** Sends an introduction-request to {@code address}. */
  void walkTo(Address address);

  /**
   * Asks for a new introduction: from {@code fromPeer} when given; otherwise bootstraps when there
   * are no peers, or asks a random peer (occasionally keeping bootstrappers alive instead).
   *
   * @param fromPeer the peer to ask, or null for a random choice
   */
  void getNewIntroduction(Peer fromPeer);

  /** Runs every bootstrapper once (each rate-limits itself). */
  void bootstrap();

  /** The peer limit; a negative value means unlimited. */
  int maxPeers();

  /** Stops the community's tasks, bootstrappers and handlers; completes when done. */
  Mono<Void> unload();
}
