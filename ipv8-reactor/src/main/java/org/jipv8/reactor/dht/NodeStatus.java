package org.jipv8.reactor.dht;

/** How a routing-table node is doing (py-ipv8's NODE_STATUS_*, after BEP 5). */
public enum NodeStatus {
  /** Two requests in a row timed out; the node is removed by the next churn step. */
  BAD,
  /** Neither good nor bad yet. */
  UNKNOWN,
  /** Responded in the last 15 minutes, or ever responded and queried us in the last 15 minutes. */
  GOOD
}
