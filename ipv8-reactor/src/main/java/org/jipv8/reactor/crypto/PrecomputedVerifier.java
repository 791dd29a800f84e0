package org.jipv8.reactor.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * A faster Ed25519 check for one public key A, with a table of A's multiples built once: it
 * computes R' = [S]B - [k]A (k = SHA-512(R || A || M) mod L) from two precomputed tables and
 * accepts only when R' encodes to exactly the signature's R, S is below L and R' is not the neutral
 * element.
 *
 * <p>It never decides a rejection. Whatever it accepts, Bouncy Castle accepts too: A has passed
 * Bouncy Castle's full validation (a point of prime order L), so R' lies in the prime-order
 * subgroup, R is its canonical encoding, S is canonical, and the equation Bouncy Castle tests, [S]B
 * = R + [k]A (evaluated there as v1 * ([S]B - R) = v0 * A with v0 = k * v1 mod L), holds for every
 * such R. When it does not accept, the caller asks Bouncy Castle, whose answer is final; so the two
 * never disagree, and the differential test holds it to that. Variable time, which is fine for a
 * verification: all its inputs are public. Thread-safe: the tables are immutable and each thread
 * works in its own scratch space.
 */
final class PrecomputedVerifier {
  private static final byte[] BASE_ENCODING = baseEncoding();
  private static final NielsTable BASE = NielsTable.of(basePoint(), 1);
  // 12 doublings per check buy a table a quarter the base point's size: 15 KiB per key.
  private static final int KEY_ROUNDS = 4;
  private static final byte[] IDENTITY = identityEncoding();

  private final byte[] publicKey;
  private final NielsTable key;

  private PrecomputedVerifier(byte[] publicKey, NielsTable key) {
    this.publicKey = publicKey;
    this.key = key;
  }

  /**
   * The verifier of a 32-byte Ed25519 key that Bouncy Castle validated fully; null if undecodable.
   */
  static PrecomputedVerifier of(byte[] ed25519PublicKey) {
    EdwardsPoint a = new EdwardsPoint();
    if (!a.decode(ed25519PublicKey, 0)) {
      return null;
    }
    return new PrecomputedVerifier(ed25519PublicKey.clone(), NielsTable.of(a, KEY_ROUNDS));
  }

  /**
   * True only if the 64-byte signature at {@code sigOffset} is valid for the message; false means
   * "not shown valid here", not "invalid".
   */
  boolean accepts(byte[] message, int offset, int length, byte[] signature, int sigOffset) {
    if (!Ed25519Scalars.isCanonical(signature, sigOffset + 32)
        || Arrays.equals(signature, sigOffset, sigOffset + 32, IDENTITY, 0, 32)) {
      return false;
    }
    Scratch w = SCRATCH.get();
    SHA512Digest digest = w.digest;
    digest.reset();
    digest.update(signature, sigOffset, 32);
    digest.update(publicKey, 0, 32);
    digest.update(message, offset, length);
    digest.doFinal(w.hash, 0);
    byte[] k = Ed25519Scalars.reduce(w.hash);
    Ed25519Scalars.digits(signature, sigOffset + 32, w.digits);
    BASE.multiply(w.digits, false, w.r);
    Ed25519Scalars.digits(k, 0, w.digits);
    key.multiply(w.digits, true, w.ka);
    w.r.plus(w.ka);
    w.r.encode(w.encoded);
    return Arrays.equals(w.encoded, 0, 32, signature, sigOffset, sigOffset + 32);
  }

  // Per-thread working space: a check allocates little more than the reduction of its hash.
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    final SHA512Digest digest = new SHA512Digest();
    final byte[] hash = new byte[64];
    final byte[] digits = new byte[64];
    final byte[] encoded = new byte[32];
    final EdwardsPoint r = new EdwardsPoint();
    final EdwardsPoint ka = new EdwardsPoint();
  }

  private static EdwardsPoint basePoint() {
    EdwardsPoint b = new EdwardsPoint();
    if (!b.decode(BASE_ENCODING, 0)) {
      throw new IllegalStateException("the Ed25519 base point does not decode");
    }
    return b;
  }

  // y = 4/5, x even.
  private static byte[] baseEncoding() {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) 0x66);
    b[0] = 0x58;
    return b;
  }

  private static byte[] identityEncoding() {
    byte[] b = new byte[32];
    b[0] = 1;
    return b;
  }
}
