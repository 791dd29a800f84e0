package org.jipv8.api.messaging;

/**
 * Why a datagram was dropped. Every drop anywhere in the stack is counted under one of these, so
 * nothing disappears silently.
 */
public enum DropReason {
  /** Shorter than the 23 bytes of prefix and message id. */
  TOO_SHORT,
  /** No community is registered for the 22-byte prefix. */
  UNKNOWN_PREFIX,
  /** No handler for the message id. */
  UNKNOWN_MESSAGE,
  /** One of the deprecated Dispersy message ids. */
  DEPRECATED_MESSAGE,
  /** A field ran past the end of the packet. */
  TRUNCATED,
  /** Bytes left over after the last declared field. */
  TRAILING_BYTES,
  /** A field's content is invalid (unknown address type, bad UTF-8, bad length). */
  MALFORMED_FIELD,
  /** The public key in the authentication field could not be parsed. */
  INVALID_KEY,
  /** The signature does not verify. */
  BAD_SIGNATURE,
  /** The message handler threw. */
  HANDLER_ERROR,
  /** The outbound queue was full. */
  QUEUE_FULL,
  /** The socket refused the datagram. */
  SOCKET_ERROR,
  /** The endpoint was closed. */
  ENDPOINT_CLOSED,
  /** The loopback-only guard refused a destination outside 127.0.0.0/8 and ::1. */
  LOOPBACK_GUARD,
  /** Dropped by the community's own rules (peer limit, blacklisted sender, ...). */
  POLICY,
  /** Dropped by the simulated network (loss model or NAT). */
  SIMULATED_LOSS,
  /**
   * A subscriber of an endpoint's receive stream could not keep up (it had no outstanding demand),
   * so the datagram was dropped for that subscriber rather than stalling the socket.
   */
  RECEIVE_OVERFLOW,
  /** A community's inbox of datagrams waiting to be decoded was full. */
  INBOX_FULL,
  /** A subscriber of {@code Community.messages(...)} or {@code peers()} had a full buffer. */
  SUBSCRIBER_OVERFLOW,
  /** A response arrived for a request nobody waits for any more (timed out or cancelled). */
  NO_PENDING_REQUEST,
  /** A response matched a pending request's identifier but came from another peer. */
  UNSOLICITED_RESPONSE,
  /** The sender exceeded its rate limit. */
  RATE_LIMITED,
  /** The peer table is full. */
  PEER_LIMIT,
  /** A message seen before (same signature or identifier) was received again. */
  REPLAYED,
  /** The datagram is larger than a UDP payload of the destination's family can be. */
  TOO_LARGE,
  /** The node has no interface of the destination address's family. */
  NO_ADDRESS_FAMILY,
  /** A peer presented a key other than the one known for it. */
  KEY_MISMATCH
}
