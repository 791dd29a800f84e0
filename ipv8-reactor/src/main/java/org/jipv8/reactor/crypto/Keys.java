package org.jipv8.reactor.crypto;

import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * Creating and parsing keys in py-ipv8's binary forms (Bouncy Castle lightweight API underneath).
 */
public final class Keys {
  private Keys() {}

  /** A fresh random key of the given type. */
  public static PrivateKey generate(KeyType type) {
    throw new UnsupportedOperationException("TODO crypto");
  }

  /**
   * Parses a private key: {@code LibNaCLSK:} + X25519 secret + Ed25519 seed, or DER SEC1
   * ECPrivateKey.
   *
   * @throws org.jipv8.api.keys.InvalidKeyException naming the expected key type
   */
  public static PrivateKey privateFromBin(byte[] bin) {
    throw new UnsupportedOperationException("TODO crypto");
  }

  /**
   * Parses a public key as found in an authentication field: {@code LibNaCLPK:} + X25519 + Ed25519
   * (exactly 74 bytes), or DER SubjectPublicKeyInfo of a named EC curve. Private key material is
   * refused.
   *
   * @throws org.jipv8.api.keys.InvalidKeyException naming the expected key type
   */
  public static PublicKey publicFromBin(byte[] bin) {
    throw new UnsupportedOperationException("TODO crypto");
  }
}
