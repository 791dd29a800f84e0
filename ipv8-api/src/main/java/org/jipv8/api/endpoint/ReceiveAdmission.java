package org.jipv8.api.endpoint;

import java.nio.ByteBuffer;
import org.jipv8.api.messaging.DropReason;

/**
 * The earliest say over a received datagram: asked by the endpoint while the datagram is still in
 * the transport's own buffer, before it is copied, decoded or handed to any thread. A receiver that
 * cannot take a datagram now (typically because the community inbox for its prefix is full) refuses
 * it here, so a flood costs a read and a counter, not a copy, a thread hop and a decode.
 *
 * <p>Threading: called on the endpoint's receive thread (a Netty event loop, or the simulation's
 * scheduler), once per datagram, possibly concurrently for different sockets. It must be fast,
 * never block and never throw (a throw counts as an admission of the datagram). It must not keep
 * {@code datagram}: the view is only valid during the call.
 *
 * <p>Backpressure: when {@link #admit} refuses a datagram as {@link DropReason#INBOX_FULL}, a
 * socket endpoint stops reading (so a flood costs neither a read nor a copy: the operating system's
 * buffer holds what arrives, and drops what does not fit, counted as kernel drops) and asks {@link
 * #hasRoomFor} about the refused datagram 1 ms after the refusal and then at doubling intervals (3,
 * 7, 15, 31 ms after it) until it answers true, then reads on. It never pauses longer than {@value
 * #MAX_READ_PAUSE_MILLIS} ms at a time, so a receiver that stays full cannot keep the socket from
 * the node's other receivers.
 */
@FunctionalInterface
public interface ReceiveAdmission {

  /** The longest a socket endpoint stops reading after an {@code INBOX_FULL} refusal, in ms. */
  long MAX_READ_PAUSE_MILLIS = 50;

  /** Admits everything (the default of every endpoint). */
  ReceiveAdmission ADMIT_ALL = datagram -> null;

  /**
   * Decides on one datagram.
   *
   * @param datagram a read-only view of the whole datagram, position 0, limit its length; bytes
   *     0..21 are the community prefix and byte 22 the message id when it is long enough
   * @return null to admit it, or the reason it is dropped (counted by the endpoint)
   */
  DropReason admit(ByteBuffer datagram);

  /**
   * Whether a datagram like {@code refused}, which {@link #admit} refused as {@link
   * DropReason#INBOX_FULL} a moment ago, would be admitted now. Asked on the receive thread while
   * reading is paused; same rules as {@link #admit} (fast, never blocks; a throw counts as true).
   * Unlike {@code admit} it decides nothing and counts nothing. The default asks {@code admit}.
   *
   * @param refused a read-only view of the refused datagram's bytes
   */
  default boolean hasRoomFor(ByteBuffer refused) {
    return admit(refused) == null;
  }
}
