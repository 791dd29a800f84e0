package org.jipv8.reactor.messaging;

/** {@code ?} (bool), {@code f} (binary32), {@code d} (binary64) and {@code c} (one raw byte). */
record ScalarFormat(String name) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
    switch (name) {
      case "?" -> {
        if (!(value instanceof Boolean b)) {
          throw FieldCodec.badValue(name, field, value, "a boolean");
        }
        w.u8(b ? 1 : 0);
      }
      case "f" -> {
        if (!(value instanceof Number n)) {
          throw FieldCodec.badValue(name, field, value, "a number");
        }
        w.u32(Float.floatToRawIntBits(n.floatValue()) & 0xFFFFFFFFL);
      }
      case "d" -> {
        if (!(value instanceof Number n)) {
          throw FieldCodec.badValue(name, field, value, "a number");
        }
        w.u64(Double.doubleToRawLongBits(n.doubleValue()));
      }
      default -> {
        byte[] b = FieldCodec.bytes(name, field, value);
        if (b.length != 1) {
          throw FieldCodec.badValue(name, field, value, "exactly one byte");
        }
        w.bytes(b);
      }
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    return switch (name) {
      case "?" -> r.u8(field) != 0;
      case "f" -> Float.intBitsToFloat((int) r.u32(field));
      case "d" -> Double.longBitsToDouble(r.u64(field));
      default -> r.bytes(1, field);
    };
  }
}
