package org.jipv8.reactor.messaging;

import java.util.List;

/**
 * {@code arrayH-?}, {@code arrayH-q}, {@code arrayH-d}: a u16 count then the items, all in
 * LITTLE-endian order (py-ipv8 writes them in the host's native order, little-endian on every
 * platform it runs on). Decode to {@code boolean[]}, {@code long[]} and {@code double[]}.
 */
record ArrayFormat(String name, char kind) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
    List<?> items = Lists.asList(value);
    if (items == null || items.size() > 0xFFFF) {
      throw FieldCodec.badValue(name, field, value, "an array or list of at most 65535 items");
    }
    w.u16le(items.size());
    for (Object o : items) {
      switch (kind) {
        case '?' -> {
          if (!(o instanceof Boolean b)) {
            throw FieldCodec.badValue(name, field, o, "booleans");
          }
          w.u8(b ? 1 : 0);
        }
        case 'q' -> {
          if (o instanceof java.math.BigInteger b) {
            IntegerFormat.checkWide(name, true, b, field);
          }
          w.u64le(FieldCodec.integer(name, field, o));
        }
        default -> {
          if (!(o instanceof Number n)) {
            throw FieldCodec.badValue(name, field, o, "numbers");
          }
          w.u64le(Double.doubleToRawLongBits(n.doubleValue()));
        }
      }
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    int n = r.u16le(field);
    // Check the count against what is left before allocating: a 30-byte datagram must not make
    // the receiver allocate 512 KiB for a count of 65535.
    r.need(n * (kind == '?' ? 1 : 8), field);
    switch (kind) {
      case '?' -> {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = r.u8(field) != 0;
        }
        return out;
      }
      case 'q' -> {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = r.u64le(field);
        }
        return out;
      }
      default -> {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = Double.longBitsToDouble(r.u64le(field));
        }
        return out;
      }
    }
  }
}
