package org.jipv8.api.messaging;

import java.math.BigInteger;

/**
 * Arithmetic on unsigned wire values held in Java's signed {@code long}.
 *
 * <p>The wire formats {@code Q} (u64, global time), {@code I} (u32) and {@code H} (u16) are
 * unsigned, while Java's {@code long} and {@code int} are signed. A value of 2^63 or above read
 * from the network is negative in a {@code long}, so {@code %}, {@code <} and {@code /} give wrong
 * answers for it. Every place where such a value meets arithmetic goes through these methods.
 * Stateless and thread-safe.
 */
public final class Unsigned {

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Unsigned() {}

  /**
   * The u16 identifier py-ipv8 derives from a global time: {@code time mod 65536}, taking {@code
   * time} as unsigned. Always in {@code 0..65535}.
   */
  public static int mod65536(long time) {
    return (int) (time & 0xFFFFL);
  }

  /** The larger of two unsigned 64-bit values. */
  public static long max(long a, long b) {
    return Long.compareUnsigned(a, b) >= 0 ? a : b;
  }

  /** An unsigned 64-bit value as a non-negative number, for JSON and logs. */
  public static BigInteger toBigInteger(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return value >= 0 ? v : v.add(TWO_64);
  }

  /** A u32 value held in an {@code int}, as the non-negative {@code long} it stands for. */
  public static long u32(int value) {
    return Integer.toUnsignedLong(value);
  }
}
