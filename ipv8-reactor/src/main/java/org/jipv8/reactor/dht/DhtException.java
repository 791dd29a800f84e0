package org.jipv8.reactor.dht;

/**
 * A DHT operation failed; the message says what failed (no nodes to ask, every request timed out,
 * no node gave a token, the value is too long, the community was unloaded, ...).
 */
public class DhtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public DhtException(String message) {
    super(message);
  }
}
