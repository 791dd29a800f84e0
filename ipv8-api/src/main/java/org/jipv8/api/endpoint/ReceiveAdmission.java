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
 */
@FunctionalInterface
public interface ReceiveAdmission {

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
}
