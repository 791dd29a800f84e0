package org.jipv8.reactor.crypto;

import java.math.BigInteger;

/**
 * Scalars modulo the Ed25519 group order L = 2^252 + 27742317777372353535851937790883648493, as 32
 * little-endian bytes, for {@link PrecomputedVerifier}. Variable time: only for public values.
 */
final class Ed25519Scalars {
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final byte[] L_BYTES = toBytes(L);

  private Ed25519Scalars() {}

  /** Whether the 32 bytes at {@code offset} are a scalar below L (the canonical form). */
  static boolean isCanonical(byte[] s, int offset) {
    for (int i = 31; i >= 0; i--) {
      int a = s[offset + i] & 0xFF;
      int b = L_BYTES[i] & 0xFF;
      if (a != b) {
        return a < b;
      }
    }
    return false;
  }

  /** A 64-byte little-endian number (a SHA-512 output) modulo L, as 32 little-endian bytes. */
  static byte[] reduce(byte[] wide) {
    byte[] be = new byte[wide.length];
    for (int i = 0; i < wide.length; i++) {
      be[i] = wide[wide.length - 1 - i];
    }
    return toBytes(new BigInteger(1, be).mod(L));
  }

  /**
   * The signed radix-16 digits of a scalar below 2^255, written into {@code e} (64 bytes) and
   * returned: e[i] in [-8, 8) (the last in [0, 8]) with s = sum of e[i] * 16^i.
   */
  static byte[] digits(byte[] s, int offset, byte[] e) {
    for (int i = 0; i < 32; i++) {
      e[2 * i] = (byte) (s[offset + i] & 15);
      e[2 * i + 1] = (byte) ((s[offset + i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < 63; i++) {
      e[i] += (byte) carry;
      carry = (e[i] + 8) >> 4;
      e[i] -= (byte) (carry << 4);
    }
    e[63] += (byte) carry;
    return e;
  }

  private static byte[] toBytes(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
