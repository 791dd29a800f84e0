package org.jipv8.api.config;

import java.util.List;

/**
 * Logging settings: the {@code logger} entry, written {@code {"level": "INFO"}}.
 *
 * <p>The level names are py-ipv8's (Python's): the engine maps WARNING to SLF4J's WARN, CRITICAL to
 * ERROR, and NOTSET to "everything".
 *
 * <p>The constructor throws {@link ConfigurationException} for a level not in {@link #LEVELS} (path
 * {@code level}).
 *
 * @param level one of {@link #LEVELS}
 */
public record LoggerConfig(String level) {

  /** The accepted levels, most severe first. */
  public static final List<String> LEVELS =
      List.of("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG", "NOTSET");

  /** py-ipv8's default, {@code {"level": "INFO"}}. */
  public static final LoggerConfig DEFAULT = new LoggerConfig("INFO");

  public LoggerConfig {
    if (level == null) {
      throw new ConfigurationException(
          "level", "missing", "use one of " + String.join(", ", LEVELS));
    }
    if (!LEVELS.contains(level)) {
      throw ConfigurationException.notOneOf("level", "log level", level, LEVELS);
    }
  }
}
