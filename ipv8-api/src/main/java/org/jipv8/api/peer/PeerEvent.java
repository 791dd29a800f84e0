package org.jipv8.api.peer;

import java.util.Objects;

/**
 * A change in the peers of one community: the elements of {@code Community.peers()}.
 *
 * @param kind whether the peer was added or removed, never null
 * @param peer the peer, never null
 */
public record PeerEvent(Kind kind, Peer peer) {

  /** What happened to the peer. */
  public enum Kind {
    /** The peer became a peer of the community (its services are known). */
    ADDED,
    /** The peer is no longer a peer of the community. */
    REMOVED
  }

  /** Checks the components. */
  public PeerEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(peer, "peer");
  }
}
