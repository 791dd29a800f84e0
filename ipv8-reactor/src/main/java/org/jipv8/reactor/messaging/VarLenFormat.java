package org.jipv8.reactor.messaging;

/**
 * Length-prefixed byte strings: {@code varlenH}, {@code doublevarlenH} (u16 byte count), {@code
 * varlenI} (u32), {@code varlenHutf8}/{@code varlenIutf8} (UTF-8 text), {@code varlenHx20} (u16
 * count of 20-byte units) and {@code varlenBx2} (u8 count of 2-byte units), plus {@code raw} (no
 * prefix, everything to the end).
 *
 * <p>Unlike py-ipv8, an announced length that runs past the end of the packet is an error even for
 * the last field (py-ipv8 silently keeps the short value).
 */
record VarLenFormat(String name, int prefixWidth, int unit, boolean text) implements FieldCodec {

  static VarLenFormat raw() {
    return new VarLenFormat("raw", 0, 1, false);
  }

  @Override
  public boolean consumesRest() {
    return prefixWidth == 0;
  }

  @Override
  public void encode(WireWriter w, Object value, String field) {
    byte[] b = FieldCodec.bytes(name, field, value);
    if (text && !(value instanceof String)) {
      throw FieldCodec.badValue(name, field, value, "a String");
    }
    if (b.length % unit != 0) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' (format "
              + name
              + ") needs a multiple of "
              + unit
              + " bytes, got "
              + b.length);
    }
    long count = b.length / unit;
    switch (prefixWidth) {
      case 0 -> {}
      case 1 -> {
        checkCount(field, count, 0xFF);
        w.u8((int) count);
      }
      case 2 -> {
        checkCount(field, count, 0xFFFF);
        w.u16((int) count);
      }
      default -> w.u32(count);
    }
    w.bytes(b);
  }

  private void checkCount(String field, long count, long max) {
    if (count > max) {
      throw new IllegalArgumentException(
          "field '" + field + "' (format " + name + ") is too long: " + count + " > " + max);
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    int at = r.offset();
    long count =
        switch (prefixWidth) {
          case 0 -> r.remaining();
          case 1 -> r.u8(field);
          case 2 -> r.u16(field);
          default -> r.u32(field);
        };
    long len = count * unit;
    if (len > Integer.MAX_VALUE) {
      r.need(Integer.MAX_VALUE, field);
    }
    byte[] b = r.bytes((int) len, field);
    return text ? Utf8.decode(b, r, field, at) : b;
  }
}
