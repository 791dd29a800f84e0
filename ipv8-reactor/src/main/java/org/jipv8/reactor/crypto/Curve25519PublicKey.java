package org.jipv8.reactor.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;

/**
 * A py-ipv8 "LibNaCLPK" public key: {@code LibNaCLPK:} + X25519 public key + Ed25519 public key,
 * exactly 74 bytes.
 *
 * <p>Only the canonical 74-byte form is accepted. py-ipv8 ignores bytes after the 64 key bytes; we
 * refuse them so one identity cannot appear under several encodings (spec wire-protocol 4.6). The
 * Ed25519 point is decoded once, here, so that each verification only does the signature
 * arithmetic. A key that verifies more than a few signatures gets a {@link PrecomputedVerifier} (a
 * table of its multiples, within a process-wide budget, see {@link KeyTables}); a signature it does
 * not accept still goes to Bouncy Castle, whose answer is final.
 */
final class Curve25519PublicKey implements PublicKey {
  static final byte[] PREFIX = "LibNaCLPK:".getBytes(StandardCharsets.US_ASCII);
  static final int LENGTH = PREFIX.length + 64;

  private final byte[] bin;
  private final byte[] mid;
  private final byte[] ed25519;
  // Null when the Ed25519 half is not a valid point of prime order: every verification fails.
  private final Ed25519.PublicPoint point;
  // Set once, by whichever verifying thread builds it; read without a lock.
  private volatile PrecomputedVerifier precomputed;
  // Racy on purpose: it only decides when to try building the table.
  private int verifications;

  private Curve25519PublicKey(byte[] bin) {
    this.bin = bin;
    this.mid = Digests.sha1(bin);
    this.ed25519 = Arrays.copyOfRange(bin, PREFIX.length + 32, LENGTH);
    this.point = Ed25519.validatePublicKeyFullExport(ed25519, 0);
  }

  static boolean hasPrefix(byte[] bin) {
    return bin.length >= PREFIX.length
        && Arrays.equals(bin, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }

  static Curve25519PublicKey fromBin(byte[] bin) {
    if (bin.length != LENGTH || !hasPrefix(bin)) {
      throw new InvalidKeyException(
          "not a curve25519 public key: expected "
              + LENGTH
              + " bytes starting with 'LibNaCLPK:', got "
              + bin.length
              + " bytes");
    }
    return new Curve25519PublicKey(bin.clone());
  }

  static Curve25519PublicKey of(byte[] x25519Public, byte[] ed25519Public) {
    byte[] bin = new byte[LENGTH];
    System.arraycopy(PREFIX, 0, bin, 0, PREFIX.length);
    System.arraycopy(x25519Public, 0, bin, PREFIX.length, 32);
    System.arraycopy(ed25519Public, 0, bin, PREFIX.length + 32, 32);
    return new Curve25519PublicKey(bin);
  }

  @Override
  public KeyType type() {
    return KeyType.CURVE25519;
  }

  @Override
  public byte[] toBin() {
    return bin.clone();
  }

  @Override
  public byte[] mid() {
    return mid.clone();
  }

  @Override
  public int signatureLength() {
    return Ed25519.SIGNATURE_SIZE;
  }

  @Override
  public boolean verify(
      byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
    if (point == null
        || signatureOffset < 0
        || signature.length - signatureOffset < Ed25519.SIGNATURE_SIZE
        || offset < 0
        || length < 0
        || message.length - offset < length) {
      return false;
    }
    PrecomputedVerifier fast = precomputed;
    if (fast == null && KeyTables.due(++verifications)) {
      fast = KeyTables.build(this, ed25519);
      precomputed = fast;
    }
    if (fast != null && fast.accepts(message, offset, length, signature, signatureOffset)) {
      return true;
    }
    return Ed25519.verify(signature, signatureOffset, point, message, offset, length);
  }

  /** Whether this key has its table of multiples yet (tests). */
  boolean hasPrecomputed() {
    return precomputed != null;
  }

  /** The raw 32-byte Ed25519 public key. */
  byte[] ed25519PublicKey() {
    return ed25519.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Curve25519PublicKey other && Arrays.equals(bin, other.bin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bin);
  }

  @Override
  public String toString() {
    return "Curve25519PublicKey[mid=" + java.util.HexFormat.of().formatHex(mid) + "]";
  }
}
