package org.jipv8.reactor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.ConfigurationValidator;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.LoggerConfig;
import org.jipv8.api.config.NameRegistry;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;

/**
 * The name checks of a file that has other problems too, so that {@code check} reports unknown
 * overlay, strategy and bootstrapper names and {@code initialize} keys together with everything
 * else. Reads only the names from the tree (whatever else is wrong with an entry) and hands them to
 * {@link ConfigurationValidator}; entries whose names are not strings are skipped (the reader has
 * reported them).
 */
final class TreeNames {
  private static final String ALIAS = "names";

  private TreeNames() {}

  static List<ConfigurationException> problems(JsonNode root, NameRegistry registry) {
    JsonNode overlays = root == null ? null : root.get("overlays");
    if (overlays == null || !overlays.isArray()) {
      return List.of();
    }
    List<OverlayConfig> named = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < overlays.size(); i++) {
      JsonNode o = overlays.get(i);
      JsonNode cls = o.get("class");
      if (!o.isObject() || cls == null || !cls.isTextual() || cls.textValue().isEmpty()) {
        continue;
      }
      try {
        named.add(
            new OverlayConfig(
                cls.textValue(),
                ALIAS,
                names(o.get("walkers"), "strategy").stream()
                    .map(s -> new WalkerConfig(s, WalkerConfig.ALWAYS, Map.of()))
                    .toList(),
                names(o.get("bootstrappers"), "class").stream()
                    .map(c -> new BootstrapperConfig(c, Map.of()))
                    .toList(),
                keys(o.get("initialize")),
                List.of()));
        index.add(i);
      } catch (ConfigurationException e) {
        // Not a name problem; the reader reported it.
      }
    }
    Ipv8Configuration names =
        new Ipv8Configuration(
            List.of(InterfaceConfig.ipv4("127.0.0.1", 0)),
            List.of(KeyConfig.generated(ALIAS, KeyType.CURVE25519, "")),
            LoggerConfig.DEFAULT,
            ".",
            0.5,
            named);
    List<ConfigurationException> out = new ArrayList<>();
    for (ConfigurationException p : ConfigurationValidator.problems(names, registry)) {
      // Positions in the reduced list are not the file's: put the file's index back.
      String path = p.path();
      int close = path.indexOf(']');
      int at = Integer.parseInt(path.substring("overlays[".length(), close));
      out.add(
          new ConfigurationException(
              "overlays[" + index.get(at) + path.substring(close), p.problem(), p.fix()));
    }
    return out;
  }

  /** The string {@code key} of each map entry of a list, in order (entries without one skipped). */
  private static List<String> names(JsonNode list, String key) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode e : list) {
        JsonNode v = e.get(key);
        if (e.isObject() && v != null && v.isTextual() && !v.textValue().isEmpty()) {
          out.add(v.textValue());
        }
      }
    }
    return out;
  }

  private static Map<String, Object> keys(JsonNode map) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (map != null && map.isObject()) {
      map.fieldNames().forEachRemaining(k -> out.put(k, 0));
    }
    return out;
  }
}
