package org.jipv8.reactor.community;

import java.time.Duration;
import org.jipv8.api.peer.Peer;

/**
 * A ping waiting for its pong (py-ipv8's {@code PingRequestCache}): keyed by the 16-bit wire
 * identifier, it remembers the pinged peer and when the ping left. Nothing happens on timeout.
 */
final class PingRequestCache extends NumberCache {
  /** The cache prefix, as py-ipv8 names it. */
  static final String PREFIX = "discoverypingcache";

  /** How long a pong is waited for. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Peer peer;
  private final long sentAt;

  PingRequestCache(int identifier, Peer peer, long sentAtMillis) {
    super(PREFIX, identifier);
    this.peer = peer;
    this.sentAt = sentAtMillis;
  }

  Peer peer() {
    return peer;
  }

  long sentAt() {
    return sentAt;
  }

  @Override
  public Duration timeout() {
    return TIMEOUT;
  }

  @Override
  public void onTimeout() {
    // A lost pong only means no RTT sample; churn decides liveness from last_response.
  }
}
