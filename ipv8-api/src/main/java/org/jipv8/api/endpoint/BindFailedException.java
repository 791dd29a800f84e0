package org.jipv8.api.endpoint;

import java.util.Objects;
import org.jipv8.api.address.Address;

/**
 * An endpoint could not bind its socket. Carries what a front end needs to tell the user which
 * setting to change: the address that was tried, the {@link Cause kind} of failure and the range of
 * ports tried. The message states the facts (address, cause, ports) and no fix, because the fix is
 * named in the caller's own terms (a configuration key, a command-line flag, a builder method).
 *
 * <p>It is an {@link IllegalStateException}, as every failed {@code open()} was before.
 */
public final class BindFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Why the bind failed. */
  public enum Cause {
    /** Another socket holds the port (every port tried). */
    PORT_IN_USE,
    /** The address is not one of this machine's. */
    ADDRESS_NOT_AVAILABLE,
    /** The operating system does not allow this process to bind the port. */
    PERMISSION_DENIED,
    /** Anything else; {@link #getCause()} has the details. */
    OTHER
  }

  private final transient Address address;
  private final Cause kind;
  private final int firstPort;
  private final int attempts;

  /**
   * A bind failure.
   *
   * @param address the address of the last attempt (host and port)
   * @param kind why it failed
   * @param firstPort the first port tried
   * @param attempts how many consecutive ports were tried, at least 1
   * @param cause the underlying error, may be null
   */
  public BindFailedException(
      Address address, Cause kind, int firstPort, int attempts, Throwable cause) {
    super(describe(address, kind, firstPort, attempts, cause), cause);
    this.address = Objects.requireNonNull(address, "address");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.firstPort = firstPort;
    this.attempts = attempts;
  }

  /** The address of the last attempt. */
  public Address address() {
    return address;
  }

  /** Why the bind failed. */
  public Cause kind() {
    return kind;
  }

  /** The first port tried. */
  public int firstPort() {
    return firstPort;
  }

  /** How many consecutive ports were tried (1: only {@link #firstPort()}). */
  public int attempts() {
    return attempts;
  }

  private static String describe(
      Address address, Cause kind, int firstPort, int attempts, Throwable cause) {
    String why =
        switch (kind) {
          case PORT_IN_USE -> "the port is already in use";
          case ADDRESS_NOT_AVAILABLE -> "the address is not one of this machine's";
          case PERMISSION_DENIED -> "permission denied for the port";
          case OTHER -> "the socket could not be bound (" + rootMessage(cause) + ")";
        };
    String tried = attempts > 1 ? " (tried ports " + firstPort + ".." + address.port() + ")" : "";
    return "Cannot bind UDP socket to " + address + ": " + why + tried;
  }

  private static String rootMessage(Throwable cause) {
    if (cause == null) {
      return "no details";
    }
    Throwable t = cause;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
