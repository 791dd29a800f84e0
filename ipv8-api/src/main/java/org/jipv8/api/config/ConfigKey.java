package org.jipv8.api.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One key of a configuration file, as the reference documents it: where it sits, what a missing key
 * becomes, and what it means.
 *
 * @param path where the key sits, in file key names: {@code logger.level}, {@code
 *     interfaces[].port}, {@code overlays[].walkers[].init}
 * @param defaultValue the value (as JSON) a missing key takes, or null when the key is required
 * @param meaning what the key does, one or two sentences of Markdown
 */
public record ConfigKey(String path, @Nullable String defaultValue, String meaning) {

  public ConfigKey {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(meaning, "meaning");
  }

  /** Whether a file must give this key (there is no default). */
  public boolean required() {
    return defaultValue == null;
  }

  /** The last segment of the path: {@code port} for {@code interfaces[].port}. */
  public String name() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /** The path of the containing entry: {@code interfaces[]} for {@code interfaces[].port}. */
  public String parent() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
