package org.jipv8.reactor.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Counted lists: {@code varlenH-list} (u8 count, then {@code varlenH} items) and {@code
 * payload-list} (u8 count, then nested payloads, each u16 length + encoding).
 */
record ListFormat(String name, FieldCodec item) implements FieldCodec {

  @Override
  public void encode(WireWriter w, Object value, String field) {
    List<?> items = Lists.asList(value);
    if (items == null) {
      throw FieldCodec.badValue(name, field, value, "a list");
    }
    if (items.size() > 0xFF) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' (format "
              + name
              + ") holds at most 255 items, got "
              + items.size());
    }
    w.u8(items.size());
    for (int i = 0; i < items.size(); i++) {
      item.encode(w, items.get(i), field + "[" + i + "]");
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    int n = r.u8(field);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.decode(r, field + "[" + i + "]"));
    }
    return List.copyOf(out);
  }
}
