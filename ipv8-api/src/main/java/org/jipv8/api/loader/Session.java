package org.jipv8.api.loader;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object launchers read their state from and store their results in (py-ipv8 passes the
 * application's own object, whose attributes its decorators read and set). Here it is a map of
 * named attributes; an application may subclass it to add typed accessors.
 *
 * <p>Thread-safe. Attribute values are never null: setting null removes the attribute.
 */
public class Session {
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

  /** An empty session. */
  public Session() {}

  /** The attribute's value, or null when it is not set. */
  public Object get(String name) {
    return attributes.get(Objects.requireNonNull(name, "name"));
  }

  /**
   * The attribute's value as {@code type}, or null when it is not set.
   *
   * @throws ClassCastException naming the attribute when the value has another type
   */
  public <T> T get(String name, Class<T> type) {
    Object value = get(name);
    if (value != null && !type.isInstance(value)) {
      throw new ClassCastException(
          "session attribute '"
              + name
              + "' is a "
              + value.getClass().getName()
              + ", not a "
              + type.getName());
    }
    return type.cast(value);
  }

  /** Sets an attribute; null removes it. Returns this session. */
  public Session set(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
    return this;
  }

  /** Whether the attribute is set. */
  public boolean has(String name) {
    return attributes.containsKey(Objects.requireNonNull(name, "name"));
  }

  /**
   * Whether the attribute is set to a "true" value in Python's sense: not {@code false}, not a zero
   * number, not an empty string, collection, map or array.
   */
  public boolean isTruthy(String name) {
    Object value = get(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value.getClass().isArray()) {
      return java.lang.reflect.Array.getLength(value) > 0;
    }
    return true;
  }

  /** A snapshot of all attributes. */
  public Map<String, Object> attributes() {
    return Map.copyOf(attributes);
  }
}
