package org.jipv8.examples.cli;

import org.jipv8.reactor.config.LogLevels;
import picocli.CommandLine.Option;

/**
 * The logging flags every command shares: {@code --log-level}, {@code -v} and {@code -q}. They set
 * slf4j-simple's level of the {@code org.jipv8} loggers as the arguments are parsed, before any
 * library logger exists, so they cover every jipv8 logger and win over a configuration's {@code
 * logger.level}.
 *
 * <p>Without a flag the command line logs warnings and errors only ({@code simplelogger.properties}
 * in the jar), and {@code node} applies its configuration's {@code logger.level} to the library.
 */
final class LogOptions {
  private static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  int verbosity;
  boolean quiet;
  String level;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description =
          "Log level of jipv8's loggers (org.jipv8): CRITICAL, ERROR, WARNING, INFO, DEBUG or"
              + " NOTSET (py-ipv8's names), or error, warn, info, debug, trace. Other libraries"
              + " log warnings and errors.")
  void setLevel(String value) {
    String slf4j;
    try {
      slf4j = LogLevels.slf4jLevel(value);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.TypeConversionException(e.getMessage());
    }
    level = slf4j;
    apply(slf4j);
  }

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Show more: once prints an event line per peer found or lost and logs jipv8 at INFO;"
              + " twice logs jipv8 at DEBUG.")
  void setVerbose(boolean[] flags) {
    verbosity = flags.length;
    if (level == null && !quiet) {
      apply(verbosity >= 2 ? "debug" : "info");
    }
  }

  @Option(
      names = {"-q", "--quiet"},
      description = "Show less: no live status line, and log errors only.")
  void setQuiet(boolean on) {
    quiet = on;
    if (on && level == null) {
      apply("error");
      System.setProperty(DEFAULT_LEVEL, "error");
    }
  }

  /** Whether a flag chose the level (the configuration's {@code logger.level} then does not). */
  boolean levelChosen() {
    return level != null || quiet || verbosity > 0;
  }

  private static void apply(String slf4j) {
    System.setProperty(LogLevels.SIMPLE_LOGGER_PROPERTY, slf4j);
  }
}
