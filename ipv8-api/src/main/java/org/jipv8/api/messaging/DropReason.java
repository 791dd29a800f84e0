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
  /** A community's inbox (datagrams waiting for decoding) was full. */
  INBOX_FULL,
  /** A subscriber of a fan-out stream could not keep up and the item was dropped for it. */
  SUBSCRIBER_OVERFLOW,
  /** An answer whose identifier matches no request we have pending. */
  NO_PENDING_REQUEST,
  /**
   * An introduction-response that answers no introduction-request we sent to that address with that
   * identifier within the response timeout.
   */
  UNSOLICITED_RESPONSE,
  /** More messages of this kind from (or towards) one address than the rate limit allows. */
  RATE_LIMITED,
  /** Accepting the sender would take the community over its {@code max_peers}. */
  PEER_LIMIT,
  /** A signed message this peer already delivered (the opt-in replay window saw it before). */
  REPLAYED,
  /** Larger than the size a datagram or field may have. */
  TOO_LARGE,
  /** No interface of the destination's address family (IPv4 or IPv6). */
  NO_ADDRESS_FAMILY,
  /** The signer's key does not match the key expected for that peer or address. */
  KEY_MISMATCH
}
