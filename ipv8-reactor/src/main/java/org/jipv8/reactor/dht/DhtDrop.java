package org.jipv8.reactor.dht;

/**
 * Why the DHT ignored a message or part of one. Counted in {@link DhtStatistics}; the datagram
 * itself is also counted by the community as a policy drop when the whole message was ignored.
 */
public enum DhtDrop {
  /** A request from a node that already sent 10 in the last 5 s (py-ipv8 drops these too). */
  RATE_LIMITED,
  /** A request of ours was not sent: that node already got 10 from us in the last 5 s. */
  SEND_RATE_LIMITED,
  /** A store-request or store-peer-request quoted a token we did not issue to that sender. */
  BAD_TOKEN,
  /** A store-request with a value over 170 bytes. */
  VALUE_TOO_LARGE,
  /** A store-request with more than 8 values. */
  TOO_MANY_VALUES,
  /** A store-peer-request whose target is not the sender's mid. */
  KEY_MISMATCH,
  /** A value that does not parse or whose signature does not verify (not stored, not returned). */
  INVALID_VALUE,
  /** A node of a find-response that is not closer than the crawl's best four (not contacted). */
  NOT_CLOSER,
  /** A node-list item with an unusable key or address, or naming ourselves. */
  BAD_NODE,
  /** A request of ours got no response in time. */
  TIMEOUT,
  /** Node-list items beyond the 8 a find-response may carry (not contacted). */
  TOO_MANY_NODES,
  /** A value or stored peer refused because the storage holds its maximum number of keys. */
  STORAGE_FULL
}
