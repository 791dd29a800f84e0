package org.jipv8.reactor.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a bootstrapper's {@code init} keyword arguments, with errors naming the key. */
final class InitArguments {
  record HostPort(String host, int port) {}

  private final String owner;
  private final Map<String, Object> init;

  InitArguments(String owner, Map<String, Object> init) {
    this.owner = owner;
    this.init = init == null ? Map.of() : init;
  }

  void allow(String... keys) {
    Set<String> allowed = new TreeSet<>(List.of(keys));
    for (String k : init.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(
            owner + " init: unknown key '" + k + "'; accepted keys: " + allowed);
      }
    }
  }

  double number(String key, double fallback) {
    Object v = init.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        owner + " init: '" + key + "' must be a non-negative number of seconds, got " + v);
  }

  List<HostPort> hostPorts(String key) {
    Object v = init.get(key);
    List<HostPort> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException(
          owner + " init: '" + key + "' must be a list of [host, port] pairs, got " + v);
    }
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof List<?> pair
          && pair.size() == 2
          && pair.get(0) instanceof String host
          && pair.get(1) instanceof Number port
          && port.doubleValue() == port.intValue()
          && port.intValue() >= 0
          && port.intValue() <= 0xFFFF) {
        out.add(new HostPort(host, port.intValue()));
      } else {
        throw new IllegalArgumentException(
            owner
                + " init: '"
                + key
                + "["
                + i
                + "]' must be a [host, port] pair with a port in 0..65535, got "
                + item);
      }
    }
    return out;
  }
}
