package org.jipv8.reactor.dht;

import java.util.ArrayDeque;
import org.jipv8.api.address.Address;

/**
 * A node with what this node knows of its behaviour: last response, recent queries (for the rate
 * limit), consecutive failures, round-trip time and last ping. Mutable; confined to the protocol
 * thread. Times are milliseconds of the community's clock.
 */
final class TrackedNode {
  private Node node;
  private final ArrayDeque<Long> lastQueries = new ArrayDeque<>(DhtConstants.NODE_LIMIT_QUERIES);
  private long lastResponse;
  private int failed;
  private long rtt;
  private long lastPingSent;

  TrackedNode(Node node) {
    this.node = node;
  }

  Node node() {
    return node;
  }

  byte[] id() {
    return node.idRef();
  }

  Address address() {
    return node.address();
  }

  /** A newer address of the same key; the id stays the routing key it was filed under. */
  void updateAddress(Address address) {
    node = node.at(address);
  }

  void recordQuery(long now) {
    if (lastQueries.size() == DhtConstants.NODE_LIMIT_QUERIES) {
      lastQueries.removeFirst();
    }
    lastQueries.addLast(now);
  }

  long lastQuery() {
    return lastQueries.isEmpty() ? 0 : lastQueries.peekLast();
  }

  /** Ten queries within the last five seconds: further requests are ignored. */
  boolean blocked(long now) {
    return lastQueries.size() == DhtConstants.NODE_LIMIT_QUERIES
        && now - lastQueries.peekFirst() < DhtConstants.NODE_LIMIT_INTERVAL.toMillis();
  }

  void responded(long now, long sentAt) {
    lastResponse = now;
    failed = 0;
    rtt = Math.max(0, now - sentAt);
  }

  /** A response seen outside a request of this object (py-ipv8 updates only the time). */
  void heardFrom(long now) {
    lastResponse = now;
  }

  void timedOut() {
    failed++;
  }

  long lastResponse() {
    return lastResponse;
  }

  int failed() {
    return failed;
  }

  long rtt() {
    return rtt;
  }

  long lastPingSent() {
    return lastPingSent;
  }

  void pinged(long now) {
    lastPingSent = now;
  }

  NodeStatus status(long now) {
    long goodAge = DhtConstants.GOOD_NODE_AGE.toMillis();
    if (failed >= 2) {
      return NodeStatus.BAD;
    }
    if (now - lastResponse < goodAge || (lastResponse > 0 && now - lastQuery() < goodAge)) {
      return NodeStatus.GOOD;
    }
    return NodeStatus.UNKNOWN;
  }

  @Override
  public String toString() {
    return node + "[failed " + failed + "]";
  }
}
