package org.jipv8.reactor.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-value formats ({@code BBH BH HH LL QH QL QQHHBH ccB 4SH}): a fixed sequence of parts,
 * encoded from and decoded to a {@code List} with one element per part.
 */
record TupleFormat(String name, List<FieldCodec> parts) implements FieldCodec {

  static TupleFormat of(String name, FieldCodec... parts) {
    return new TupleFormat(name, List.of(parts));
  }

  @Override
  public void encode(WireWriter w, Object value, String field) {
    List<?> values = Lists.asList(value);
    if (values == null || values.size() != parts.size()) {
      throw FieldCodec.badValue(name, field, value, parts.size() + " values");
    }
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).encode(w, values.get(i), field + "[" + i + "]");
    }
  }

  @Override
  public Object decode(WireReader r, String field) {
    List<Object> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      out.add(parts.get(i).decode(r, field + "[" + i + "]"));
    }
    return List.copyOf(out);
  }
}
