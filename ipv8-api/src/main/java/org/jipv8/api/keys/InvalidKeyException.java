package org.jipv8.api.keys;

/**
 * Key bytes that cannot be parsed as the expected key type. The message names the key type that was
 * expected and what was wrong, never the key material itself.
 */
public class InvalidKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyException(String message) {
    super(message);
  }

  public InvalidKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
