package org.jipv8.reactor.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * Creating and parsing keys in py-ipv8's binary forms (Bouncy Castle lightweight API underneath, no
 * JCA provider).
 *
 * <p>The family is recognised from the bytes, as py-ipv8 does: {@code LibNaCLPK:}/{@code
 * LibNaCLSK:} prefixes mean curve25519, anything else is parsed as DER of an EC key. All methods
 * are thread-safe.
 */
public final class Keys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PEM_EC_PRIVATE =
      "-----BEGIN EC PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);

  // Decoding a point (and checking its order) costs about as much as verifying a signature; every
  // packet of a peer carries the same key, so parsed keys are kept.
  private static final int PUBLIC_KEY_CACHE_SIZE = 4096;
  private static final java.util.concurrent.ConcurrentHashMap<KeyBytes, PublicKey> PUBLIC_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The cache's key: a range of bytes compared by content. A lookup wraps the caller's array in
   * place (nothing is copied per packet); what is stored owns a copy of its own.
   */
  private static final class KeyBytes {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final int hash;

    KeyBytes(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
      int h = 1;
      for (int i = offset; i < offset + length; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyBytes other
          && hash == other.hash
          && Arrays.equals(
              bytes, offset, offset + length, other.bytes, other.offset, other.offset + length);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private Keys() {}

  /** A fresh random key of the given type. */
  public static PrivateKey generate(KeyType type) {
    return generate(type, RANDOM);
  }

  /** A fresh key drawn from {@code random} (tests pass a seeded generator for repeatable ids). */
  public static PrivateKey generate(KeyType type, SecureRandom random) {
    Objects.requireNonNull(type, "type");
    if (type == KeyType.CURVE25519) {
      return Curve25519PrivateKey.generate(random);
    }
    return EcPrivateKey.generate(EcCurve.byName(type.curve()), random);
  }

  /**
   * Parses a private key: {@code LibNaCLSK:} + X25519 secret + Ed25519 seed, or DER SEC1
   * ECPrivateKey.
   *
   * @throws InvalidKeyException naming the expected key type
   */
  public static PrivateKey privateFromBin(byte[] bin) {
    Objects.requireNonNull(bin, "bin");
    if (Curve25519PrivateKey.hasPrefix(bin)) {
      return Curve25519PrivateKey.fromBin(bin);
    }
    return EcPrivateKey.fromDer(bin);
  }

  /**
   * Parses a public key as found in an authentication field: {@code LibNaCLPK:} + X25519 + Ed25519
   * (exactly 74 bytes), or DER SubjectPublicKeyInfo of a named EC curve. Private key material is
   * refused.
   *
   * @throws InvalidKeyException naming the expected key type
   */
  public static PublicKey publicFromBin(byte[] bin) {
    Objects.requireNonNull(bin, "bin");
    return publicFromBin(bin, 0, bin.length);
  }

  /**
   * As {@link #publicFromBin(byte[])} for the {@code length} bytes of {@code buffer} at {@code
   * offset} (a key inside a packet), without copying them when the key was seen before.
   *
   * @throws InvalidKeyException naming the expected key type
   * @throws IndexOutOfBoundsException when the range is outside {@code buffer}
   */
  public static PublicKey publicFromBin(byte[] buffer, int offset, int length) {
    Objects.requireNonNull(buffer, "buffer");
    Objects.checkFromIndexSize(offset, length, buffer.length);
    // Only keys that passed the checks below are cached, so a hit needs none of them.
    PublicKey cached = PUBLIC_KEYS.get(new KeyBytes(buffer, offset, length));
    if (cached != null) {
      return cached;
    }
    byte[] bin = Arrays.copyOfRange(buffer, offset, offset + length);
    if (isPrivateKeyBin(bin)) {
      throw new InvalidKeyException(
          "private key material where a public key (LibNaCLPK: or DER SubjectPublicKeyInfo) was"
              + " expected");
    }
    PublicKey key =
        Curve25519PublicKey.hasPrefix(bin)
            ? Curve25519PublicKey.fromBin(bin)
            : EcPublicKey.fromDer(bin);
    if (PUBLIC_KEYS.size() >= PUBLIC_KEY_CACHE_SIZE) {
      // Crude but bounded: peers' keys repeat far more often than the cache fills up.
      PUBLIC_KEYS.clear();
    }
    PUBLIC_KEYS.put(new KeyBytes(bin, 0, bin.length), key);
    return key;
  }

  /** Whether the bytes look like private key material ({@code LibNaCLSK:} or an EC PEM header). */
  public static boolean isPrivateKeyBin(byte[] bin) {
    return Curve25519PrivateKey.hasPrefix(bin)
        || (bin.length >= PEM_EC_PRIVATE.length
            && Arrays.equals(
                bin, 0, PEM_EC_PRIVATE.length, PEM_EC_PRIVATE, 0, PEM_EC_PRIVATE.length));
  }
}
