package org.jipv8.reactor.community;

import org.jipv8.api.peer.Peer;

/** An overlay that can ping peers (the DiscoveryCommunity); used by {@code RandomChurn}. */
public interface PingingOverlay extends NetworkOverlay {

  /** Sends an unsigned ping and records a pending-pong cache entry for the peer. */
  void sendPing(Peer peer);
}
