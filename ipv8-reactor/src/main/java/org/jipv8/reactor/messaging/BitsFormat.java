package org.jipv8.reactor.messaging;

import java.util.List;
import org.jipv8.api.messaging.Bits;

/** {@code bits}: eight flags in one byte, first flag = 0x80. Decodes to {@link Bits}. */
record BitsFormat() implements FieldCodec {

  @Override
  public String name() {
    return "bits";
  }

  @Override
  public void encode(WireWriter w, Object value, String field) {
    if (value instanceof Bits b) {
      w.u8(b.value());
      return;
    }
    List<?> flags = Lists.asList(value);
    if (flags == null || flags.size() > 8) {
      throw FieldCodec.badValue(name(), field, value, "Bits or up to 8 flags");
    }
    int v = 0;
    for (int i = 0; i < flags.size(); i++) {
      Object f = flags.get(i);
      boolean on = f instanceof Boolean bo ? bo : FieldCodec.integer(name(), field, f) != 0;
      if (on) {
        v |= 0x80 >>> i;
      }
    }
    w.u8(v);
  }

  @Override
  public Object decode(WireReader r, String field) {
    return new Bits(r.u8(field));
  }
}
