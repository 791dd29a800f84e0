package org.jipv8.api.loader;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only, order-keeping map copies that, unlike {@code Map.copyOf}, accept null values. */
final class Immutable {
  private Immutable() {}

  static Map<String, Object> map(Map<String, ?> source) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }
}
