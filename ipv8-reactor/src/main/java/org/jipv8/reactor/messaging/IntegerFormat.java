package org.jipv8.reactor.messaging;

/** Fixed-width big-endian integers: {@code B H I l q Q} (values decoded as {@code Long}). */
record IntegerFormat(String name, int width, boolean signed) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
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
