package org.jipv8.api.keys;

/**
 * A private key: signs, and knows its public half. Immutable and thread-safe.
 *
 * <p>{@link #toPrivateBin()} is py-ipv8's key-file form ({@code LibNaCLSK:} + X25519 secret +
 * Ed25519 seed, or DER SEC1 ECPrivateKey), so one identity can move between implementations.
 */
public interface PrivateKey {

  /** The public half. */
  PublicKey publicKey();

  /** The key family. */
  default KeyType type() {
    return publicKey().type();
  }

  /** The private binary form, as py-ipv8 writes it to its key file; a fresh copy each call. */
  byte[] toPrivateBin();

  /**
   * Signs {@code message[offset, offset + length)}; the result has {@code signatureLength()} bytes.
   */
  byte[] sign(byte[] message, int offset, int length);

  /** Signs the whole of {@code message}. */
  default byte[] sign(byte[] message) {
    return sign(message, 0, message.length);
  }
}
