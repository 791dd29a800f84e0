package org.jipv8.api.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One overlay to create: an entry of {@code overlays}, written {@code {"class":
 * "DiscoveryCommunity", "key": "anonymous id", "walkers": [...], "bootstrappers": [...],
 * "initialize": {...}, "on_start": [["method", arg, ...], ...]}}.
 *
 * <p>The constructor throws {@link ConfigurationException} when a name is empty, a list holds null,
 * an {@code on_start} entry does not start with a method name, or a free-form value cannot be
 * written to a file (paths relative to the entry).
 *
 * @param className the overlay name as registered with the engine (file key {@code class})
 * @param key the alias of the identity it uses, defined in {@code keys} (file key {@code key})
 * @param walkers its discovery strategies, in order
 * @param bootstrappers its bootstrappers, in order
 * @param initialize settings of the overlay, by name (for example {@code max_peers}, {@code
 *     anonymize}); deep-immutable
 * @param onStart methods called when the service starts: each entry is the method name followed by
 *     its positional arguments (file key {@code on_start}); deep-immutable
 */
public record OverlayConfig(
    String className,
    String key,
    List<WalkerConfig> walkers,
    List<BootstrapperConfig> bootstrappers,
    Map<String, Object> initialize,
    List<List<Object>> onStart) {

  public OverlayConfig {
    if (className == null || className.isEmpty()) {
      throw new ConfigurationException(
          "class", "missing or empty", "give the overlay name, such as DiscoveryCommunity");
    }
    if (key == null || key.isEmpty()) {
      throw new ConfigurationException(
          "key", "missing or empty", "give the alias of an entry of \"keys\"");
    }
    walkers = entries(walkers, "walkers");
    bootstrappers = entries(bootstrappers, "bootstrappers");
    initialize = ConfigValues.map(initialize, "initialize");
    onStart = calls(onStart);
  }

  /**
   * Builds an overlay entry from loosely typed arguments, as {@link ConfigBuilder#addOverlay} does.
   */
  public static OverlayConfig of(
      String className,
      String key,
      List<WalkerConfig> walkers,
      List<BootstrapperConfig> bootstrappers,
      Map<String, ?> initialize,
      List<? extends List<?>> onStart) {
    return new OverlayConfig(
        className,
        key,
        walkers,
        bootstrappers,
        ConfigValues.map(initialize, "initialize"),
        calls(onStart));
  }

  private static <T> List<T> entries(List<T> list, String path) {
    if (list == null) {
      throw new ConfigurationException(path, "missing (null)", "give a list, possibly empty");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new ConfigurationException(path + "[" + i + "]", "is null", "remove the entry");
      }
    }
    return List.copyOf(list);
  }

  private static List<List<Object>> calls(List<? extends Collection<?>> onStart) {
    if (onStart == null) {
      throw new ConfigurationException(
          "on_start", "missing (null)", "give a list of [method, args...] entries, possibly empty");
    }
    List<List<Object>> out = new ArrayList<>(onStart.size());
    for (int i = 0; i < onStart.size(); i++) {
      String path = "on_start[" + i + "]";
      Collection<?> call = onStart.get(i);
      if (call == null || call.isEmpty()) {
        throw new ConfigurationException(
            path,
            "is empty",
            "give [\"method_name\", arg1, ...], for example [\"build_tunnels\", 1]");
      }
      List<Object> values = ConfigValues.list(call, path);
      if (!(values.get(0) instanceof String method) || method.isEmpty()) {
        throw new ConfigurationException(
            path + "[0]",
            "the method name is " + describe(values.get(0)),
            "the first element must be the name of a method of the overlay");
      }
      out.add(values);
    }
    return Collections.unmodifiableList(out);
  }

  private static String describe(Object v) {
    return v instanceof String ? "empty" : "not a string: " + v;
  }
}
