package org.jipv8.reactor.config;

import java.util.List;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jspecify.annotations.Nullable;

/**
 * What reading a configuration found: the configuration when it is valid, every problem otherwise,
 * and the keys that were missing and took their defaults ({@code ipv8 config --check} prints all
 * three).
 *
 * @param configuration the configuration, or null when there are problems
 * @param problems every problem, in file order; empty when the configuration is valid
 * @param defaulted the missing keys and the defaults they took, as {@code path = value} lines, in
 *     file order (for example {@code logger.level = "INFO"})
 */
public record ConfigurationCheck(
    @Nullable Ipv8Configuration configuration,
    List<ConfigurationException> problems,
    List<String> defaulted) {

  public ConfigurationCheck {
    problems = List.copyOf(problems);
    defaulted = List.copyOf(defaulted);
    if ((configuration == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a check has a configuration or problems, not both");
    }
  }

  /** Whether the configuration is valid. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * The configuration.
   *
   * @throws ConfigurationException with every problem ({@link ConfigurationException#problems()})
   *     when there are any
   */
  public Ipv8Configuration orThrow() {
    if (configuration == null) {
      throw ConfigurationException.combine(problems);
    }
    return configuration;
  }
}
