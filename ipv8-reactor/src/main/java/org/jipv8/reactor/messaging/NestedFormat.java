package org.jipv8.reactor.messaging;

/**
 * {@code payload}: a nested record, written as a u16 length and the record's encoding. On decode
 * the nested record reads from exactly that slice; bytes it leaves over are ignored, as py-ipv8
 * does.
 */
record NestedFormat(RecordSchema<?> schema) implements FieldCodec {

  @Override
  public String name() {
    return "payload";
  }

  @Override
  public void encode(WireWriter w, Object value, String field) {
    if (!schema.type().isInstance(value)) {
      throw FieldCodec.badValue(name(), field, value, "a " + schema.type().getSimpleName());
    }
    int slot = w.reserveU16();
    int start = w.size();
    schema.encodeFields(w, (Record) value);
    int len = w.size() - start;
    if (len > 0xFFFF) {
      throw new IllegalArgumentException("nested payload '" + field + "' exceeds 65535 bytes");
    }
    w.patchU16(slot, len);
  }

  @Override
  public Object decode(WireReader r, String field) {
    int len = r.u16(field);
    return schema.decodeFields(r.slice(len, field));
  }
}
