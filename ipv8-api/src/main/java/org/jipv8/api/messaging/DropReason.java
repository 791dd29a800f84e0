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
  /** A community's inbox was full, so the datagram was refused before it was decoded. */
  INBOX_FULL,
  /** A {@code messages(type)} subscriber's bounded buffer was full; dropped for that subscriber. */
  SUBSCRIBER_OVERFLOW,
  /** A response arrived for an identifier no request is waiting for (any more). */
  NO_PENDING_REQUEST,
  /** A response arrived that answers no request sent to that address. */
  UNSOLICITED_RESPONSE,
  /** The sender (or the target it names) exceeded its rate limit. */
  RATE_LIMITED,
  /** Accepting the sender would exceed the community's peer limit. */
  PEER_LIMIT,
  /** The message was seen before (replay window). */
  REPLAYED,
  /** Larger than the largest UDP payload of the family (65,507 bytes IPv4, 65,527 IPv6). */
  TOO_LARGE,
  /** No address (or no endpoint) of the destination's family to send from or to. */
  NO_ADDRESS_FAMILY,
  /** The key in the message does not match the key known for the peer. */
  KEY_MISMATCH
}
