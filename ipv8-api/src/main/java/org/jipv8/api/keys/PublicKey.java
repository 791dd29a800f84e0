package org.jipv8.api.keys;

/**
 * A public key as it travels in the authentication field of a signed IPv8 message.
 *
 * <p>Implementations are immutable and thread-safe. {@link #toBin()} is the canonical binary form
 * ({@code LibNaCLPK:} + X25519 + Ed25519 for curve25519, DER SubjectPublicKeyInfo for EC keys).
 */
public interface PublicKey {

  /** The key family. */
  KeyType type();

  /** The canonical binary form; a fresh copy each call. */
  byte[] toBin();

  /** The member id: SHA-1 of {@link #toBin()}, 20 bytes; a fresh copy each call. */
  byte[] mid();

  /** Length in bytes of this key's signatures (64 for curve25519, field-sized r||s for EC). */
  int signatureLength();

  /**
   * Verifies a detached signature over {@code message[offset, offset + length)}.
   *
   * @return false for any malformed or wrong signature; never throws for bad input
   */
  boolean verify(byte[] message, int offset, int length, byte[] signature, int signatureOffset);

  /** Verifies a detached signature over the whole of {@code message}. */
  default boolean verify(byte[] signature, byte[] message) {
    if (signature.length != signatureLength()) {
      return false;
    }
    return verify(message, 0, message.length, signature, 0);
  }
}
