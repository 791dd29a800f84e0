package org.jipv8.reactor.messaging;

/**
 * A nested record written inline: its fields one after the other with no length before them. The
 * items of py-ipv8's DHT {@code node-list} are written this way (an address, then a public key),
 * unlike {@code payload} items, which carry a u16 length.
 */
record InlineFormat(RecordSchema<?> schema) implements FieldCodec {

  @Override
  public String name() {
    return "inline";
  }

  @Override
  public void encode(WireWriter w, Object value, String field) {
    if (!schema.type().isInstance(value)) {
      throw FieldCodec.badValue(name(), field, value, "a " + schema.type().getSimpleName());
    }
    schema.encodeFields(w, (Record) value);
  }

  @Override
  public Object decode(WireReader r, String field) {
    return schema.decodeFields(r);
  }
}
