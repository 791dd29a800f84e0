package org.jipv8.reactor.messaging;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Turns the list-like values users pass (lists, arrays) into lists. */
final class Lists {
  private Lists() {}

  static List<?> asList(Object value) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
      int n = Array.getLength(value);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(Array.get(value, i));
      }
      return out;
    }
    return null;
  }
}
