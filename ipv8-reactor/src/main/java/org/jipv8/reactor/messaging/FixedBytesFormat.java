package org.jipv8.reactor.messaging;

import java.util.Arrays;

/**
 * Fixed-size byte strings {@code 20s 32s 64s 74s} and {@code c20s} (one byte then 20, handled as 21
 * bytes). Shorter input is zero-padded and longer input cut, as Python's struct does.
 */
record FixedBytesFormat(String name, int size) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
    byte[] b;
    if (value instanceof java.util.List<?> parts) {
      // c20s packs a (byte, 20 bytes) pair; the parts are simply concatenated.
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (Object part : parts) {
        out.writeBytes(FieldCodec.bytes(name, field, part));
      }
      b = out.toByteArray();
    } else {
      b = FieldCodec.bytes(name, field, value);
    }
    w.bytes(b.length == size ? b : Arrays.copyOf(b, size));
  }

  @Override
  public Object decode(WireReader r, String field) {
    return r.bytes(size, field);
  }
}
