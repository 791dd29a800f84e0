package org.jipv8.reactor.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * A py-ipv8 "LibNaCLSK" private key: {@code LibNaCLSK:} + 32-byte X25519 secret + 32-byte Ed25519
 * seed (74 bytes). The two halves are independent key pairs: the X25519 key serves key agreement
 * (tunnels), the Ed25519 key signs.
 */
final class Curve25519PrivateKey implements PrivateKey {
  static final byte[] PREFIX = "LibNaCLSK:".getBytes(StandardCharsets.US_ASCII);
  static final int LENGTH = PREFIX.length + 64;

  private final byte[] bin;
  private final byte[] seed;
  // Handed to every signature so Bouncy Castle does not derive it from the seed again (a second
  // base-point multiplication per signature).
  private final byte[] edPublic;
  private final Curve25519PublicKey publicKey;

  private Curve25519PrivateKey(byte[] bin) {
    this.bin = bin;
    byte[] x25519Secret = Arrays.copyOfRange(bin, PREFIX.length, PREFIX.length + 32);
    this.seed = Arrays.copyOfRange(bin, PREFIX.length + 32, LENGTH);
    byte[] x25519Public = new byte[X25519.POINT_SIZE];
    // RFC 7748 scalar multiplication clamps internally, as libsodium does: the stored secret is
    // raw.
    X25519.scalarMultBase(x25519Secret, 0, x25519Public, 0);
    this.edPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, edPublic, 0);
    this.publicKey = Curve25519PublicKey.of(x25519Public, edPublic);
  }

  static boolean hasPrefix(byte[] bin) {
    return bin.length >= PREFIX.length
        && Arrays.equals(bin, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }

  static Curve25519PrivateKey fromBin(byte[] bin) {
    if (bin.length != LENGTH || !hasPrefix(bin)) {
      throw new InvalidKeyException(
          "not a curve25519 private key: expected "
              + LENGTH
              + " bytes starting with 'LibNaCLSK:', got "
              + bin.length
              + " bytes");
    }
    return new Curve25519PrivateKey(bin.clone());
  }

  static Curve25519PrivateKey generate(SecureRandom random) {
    byte[] bin = new byte[LENGTH];
    System.arraycopy(PREFIX, 0, bin, 0, PREFIX.length);
    byte[] material = new byte[64];
    random.nextBytes(material);
    System.arraycopy(material, 0, bin, PREFIX.length, 64);
    return new Curve25519PrivateKey(bin);
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] toPrivateBin() {
    return bin.clone();
  }

  @Override
  public byte[] sign(byte[] message, int offset, int length) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, edPublic, 0, message, offset, length, sig, 0);
    return sig;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Curve25519PrivateKey other && Arrays.equals(bin, other.bin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bin);
  }

  @Override
  public String toString() {
    return "Curve25519PrivateKey[public=" + publicKey + "]";
  }
}
