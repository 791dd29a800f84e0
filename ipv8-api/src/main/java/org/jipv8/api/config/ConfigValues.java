package org.jipv8.api.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the free-form parts of a configuration ({@code init}, {@code initialize}, {@code on_start}
 * arguments) into deep-immutable, JSON-shaped values, so that records holding them have value
 * semantics and survive a trip through a file unchanged.
 *
 * <p>Canonical forms: maps keep insertion order and have string keys; any collection or array
 * becomes a list; integral numbers become {@link Integer} when they fit and {@link Long} otherwise;
 * other numbers become {@link Double}; strings, booleans and null stay as they are. Anything else
 * is refused, because it could not be written to a configuration file.
 */
final class ConfigValues {
  static final String ACCEPTED =
      "values may be strings, numbers, booleans, null, lists and maps with string keys";

  private ConfigValues() {}

  /** A deep-immutable copy of {@code map}; errors name {@code path} plus the offending key. */
  static Map<String, Object> map(Map<?, ?> map, String path) {
    if (map == null) {
      throw new ConfigurationException(path, "missing (null)", "give a map, possibly empty");
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new ConfigurationException(
            path,
            "key " + e.getKey() + " is not a string",
            "keyword argument names must be strings");
      }
      out.put(key, value(e.getValue(), path + "." + key));
    }
    return Collections.unmodifiableMap(out);
  }

  /** A deep-immutable copy of {@code list}. */
  static List<Object> list(Collection<?> list, String path) {
    if (list == null) {
      throw new ConfigurationException(path, "missing (null)", "give a list, possibly empty");
    }
    ArrayList<Object> out = new ArrayList<>(list.size());
    int i = 0;
    for (Object item : list) {
      out.add(value(item, path + "[" + i + "]"));
      i++;
    }
    return Collections.unmodifiableList(out);
  }

  /** The canonical form of one value. */
  static Object value(Object v, String path) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof Long l) {
      return l == l.intValue() ? (Object) l.intValue() : (Object) l;
    }
    if (v instanceof BigInteger b) {
      if (b.bitLength() > 63) {
        throw new ConfigurationException(
            path, "integer " + b + " is out of range", "integers must fit in 64 bits");
      }
      return value(b.longValue(), path);
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new ConfigurationException(
            path, "number " + v + " is not finite", "a configuration file cannot hold NaN or inf");
      }
      return d;
    }
    if (v instanceof Map<?, ?> m) {
      return map(m, path);
    }
    if (v instanceof Collection<?> c) {
      return list(c, path);
    }
    if (v instanceof Object[] array) {
      return list(Arrays.asList(array), path);
    }
    throw new ConfigurationException(
        path, "unsupported value of type " + v.getClass().getName(), ACCEPTED);
  }
}
