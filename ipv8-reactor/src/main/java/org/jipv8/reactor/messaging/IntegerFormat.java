package org.jipv8.reactor.messaging;

import java.math.BigInteger;

/** Fixed-width big-endian integers: {@code B H I l q Q} (values decoded as {@code Long}). */
record IntegerFormat(String name, int width, boolean signed) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
    if (width == 8 && value instanceof BigInteger b) {
      checkWide(name, signed, b, field);
    }
    long v = FieldCodec.integer(name, field, value);
    if (width < 8) {
      long min = signed ? -(1L << (width * 8 - 1)) : 0;
      long max = signed ? (1L << (width * 8 - 1)) - 1 : (1L << (width * 8)) - 1;
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            "field '"
                + field
                + "' (format "
                + name
                + ") must be in "
                + min
                + ".."
                + max
                + ", was "
                + v);
      }
    }
    switch (width) {
      case 1 -> w.u8((int) v);
      case 2 -> w.u16((int) v);
      case 4 -> w.u32(v);
      default -> w.u64(v);
    }
  }

  /**
   * A 64-bit value given as a {@code BigInteger} must fit the format itself: {@code Q} is 0..2^64-1
   * and {@code q} is -2^63..2^63-1. A {@code long} needs no check: for {@code Q} its bits are the
   * unsigned value (so {@code -1L} is 2^64-1).
   */
  static void checkWide(String name, boolean signed, BigInteger b, String field) {
    BigInteger min = signed ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.ZERO;
    BigInteger max =
        signed
            ? BigInteger.valueOf(Long.MAX_VALUE)
            : BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' (format "
              + name
              + ") must be in "
              + min
              + ".."
              + max
              + ", was "
              + b);
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    return switch (width) {
      case 1 -> (long) r.u8(field);
      case 2 -> (long) r.u16(field);
      case 4 -> signed ? (long) (int) r.u32(field) : r.u32(field);
      default -> r.u64(field);
    };
  }
}
