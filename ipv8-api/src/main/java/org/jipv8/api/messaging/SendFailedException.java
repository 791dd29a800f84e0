package org.jipv8.api.messaging;

import java.util.Objects;

/**
 * A datagram was refused before it reached the socket: the error of a failed {@code send(...)}
 * {@code Mono}. {@link #reason()} says why (queue full, loopback guard, endpoint closed, too large,
 * no address of the right family, ...); the message names the destination.
 */
public final class SendFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DropReason reason;

  /**
   * A refusal.
   *
   * @param reason why the datagram was refused, never null
   * @param message a description naming the destination
   */
  public SendFailedException(DropReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the datagram was refused. */
  public DropReason reason() {
    return reason;
  }
}
