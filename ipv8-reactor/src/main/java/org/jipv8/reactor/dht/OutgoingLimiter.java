package org.jipv8.reactor.dht;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps our requests to any one node at or under py-ipv8's limit (10 per 5 s; it silently drops
 * more). Keyed by public key and address. Confined to the protocol thread.
 */
final class OutgoingLimiter {
  private static final int PRUNE_AT = 4096;

  private final int limit;
  private final long intervalMillis;
  private final Map<String, ArrayDeque<Long>> sent = new HashMap<>();

  OutgoingLimiter(int limit, long intervalMillis) {
    this.limit = limit;
    this.intervalMillis = intervalMillis;
  }

  OutgoingLimiter() {
    this(DhtConstants.NODE_LIMIT_QUERIES, DhtConstants.NODE_LIMIT_INTERVAL.toMillis());
  }

  /** Records a request to {@code node} at {@code now} unless that would exceed the limit. */
  boolean tryAcquire(Node node, long now) {
    if (sent.size() > PRUNE_AT) {
      sent.values().removeIf(q -> q.isEmpty() || now - q.peekLast() >= intervalMillis);
    }
    ArrayDeque<Long> times =
        sent.computeIfAbsent(
            new ByteKey(node.publicKeyRef()) + "@" + node.address(), k -> new ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() >= intervalMillis) {
      times.removeFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
