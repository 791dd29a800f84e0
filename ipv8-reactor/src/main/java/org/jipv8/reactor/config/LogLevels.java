package org.jipv8.reactor.config;

import java.lang.reflect.Method;
import java.util.Locale;
import org.jipv8.api.config.LoggerConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies a configuration's {@code logger.level} to the library's loggers (every logger under
 * {@value #LIBRARY}), as far as the SLF4J binding on the class path allows it.
 *
 * <ul>
 *   <li><b>Logback</b> and <b>Log4j 2</b> ({@code log4j-slf4j2-impl}): the level of the {@code
 *       org.jipv8} logger is set at once, for loggers made before and after.
 *   <li><b>java.util.logging</b> ({@code slf4j-jdk14}): the same, through {@code
 *       java.util.logging.Logger}.
 *   <li><b>slf4j-simple</b> fixes a logger's level when the logger is made, so the system property
 *       {@code org.slf4j.simpleLogger.log.org.jipv8} is set: loggers made afterwards (those of the
 *       endpoint, the communities and the strategies, made when the node is built) follow it;
 *       loggers made earlier keep their level. Set the property on the command line ({@code
 *       -Dorg.slf4j.simpleLogger.log.org.jipv8=debug}) to cover every logger; a value set that way
 *       (or by the application) is left alone.
 *   <li>No binding: nothing is logged anyway.
 * </ul>
 *
 * <p>py-ipv8's level names map to SLF4J's: CRITICAL and ERROR to error, WARNING to warn, INFO to
 * info, DEBUG to debug and NOTSET to trace (everything). The loggers are process-wide, so the last
 * node built decides. A level set explicitly for {@code org.jipv8} in the application's own logging
 * configuration is overridden; leave {@code logger.level} at a value that agrees with it, or build
 * nodes with the level you want.
 *
 * <p>Thread-safe; never throws (a binding that refuses is left alone, and {@link #apply} says so).
 */
public final class LogLevels {
  /** The logger name every library logger starts with. */
  public static final String LIBRARY = "org.jipv8";

  /** The slf4j-simple system property for the library's loggers. */
  public static final String SIMPLE_LOGGER_PROPERTY = "org.slf4j.simpleLogger.log." + LIBRARY;

  /** What {@link #apply} could do with the binding found. */
  public enum Binding {
    /** Logback: applied to every library logger. */
    LOGBACK,
    /** Log4j 2: applied to every library logger. */
    LOG4J,
    /** java.util.logging: applied to every library logger. */
    JUL,
    /** slf4j-simple: applied to loggers made from now on. */
    SIMPLE,
    /** No binding (SLF4J's no-operation fallback): nothing is logged. */
    NONE,
    /** A binding jipv8 does not know how to adjust: configure it yourself. */
    OTHER
  }

  /** The value this class last gave {@link #SIMPLE_LOGGER_PROPERTY}, to tell it from the user's. */
  private static String setBySimple;

  private LogLevels() {}

  /** Applies {@code logger.level} to the library's loggers; returns what was possible. */
  public static Binding apply(LoggerConfig logger) {
    return apply(logger.level());
  }

  /**
   * Applies a py-ipv8 level name ({@link LoggerConfig#LEVELS}) or an SLF4J one ({@code warn},
   * {@code trace}, ...) to the library's loggers.
   *
   * @throws IllegalArgumentException for a name that is neither
   */
  public static Binding apply(String level) {
    String slf4j = slf4jLevel(level);
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    String name = factory.getClass().getName();
    try {
      if (name.startsWith("ch.qos.logback.")) {
        Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", true, loader(factory));
        Object value = levelType.getMethod("toLevel", String.class).invoke(null, slf4j);
        Object target =
            factory.getClass().getMethod("getLogger", String.class).invoke(factory, LIBRARY);
        target.getClass().getMethod("setLevel", levelType).invoke(target, value);
        return Binding.LOGBACK;
      }
      if (name.startsWith("org.apache.logging.slf4j.")) {
        ClassLoader cl = loader(factory);
        Class<?> levelType = Class.forName("org.apache.logging.log4j.Level", true, cl);
        Object value = levelType.getMethod("toLevel", String.class).invoke(null, slf4j);
        Class<?> configurator =
            Class.forName("org.apache.logging.log4j.core.config.Configurator", true, cl);
        Method set = configurator.getMethod("setLevel", String.class, levelType);
        set.invoke(null, LIBRARY, value);
        return Binding.LOG4J;
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Binding.OTHER;
    }
    if (name.startsWith("org.slf4j.jul.") || name.startsWith("org.slf4j.impl.JDK14")) {
      java.util.logging.Logger.getLogger(LIBRARY).setLevel(julLevel(slf4j));
      return Binding.JUL;
    }
    if (name.startsWith("org.slf4j.simple.") || name.startsWith("org.slf4j.impl.Simple")) {
      synchronized (LogLevels.class) {
        String current = System.getProperty(SIMPLE_LOGGER_PROPERTY);
        // A level given with -D (or set by the application) wins over the configuration's.
        if (current == null || current.equals(setBySimple)) {
          System.setProperty(SIMPLE_LOGGER_PROPERTY, slf4j);
          setBySimple = slf4j;
        }
      }
      return Binding.SIMPLE;
    }
    if (name.contains("NOP") || name.contains("Substitute")) {
      return Binding.NONE;
    }
    return Binding.OTHER;
  }

  /**
   * The SLF4J level name ({@code error}, {@code warn}, {@code info}, {@code debug}, {@code trace})
   * for a py-ipv8 or SLF4J level name, in any case.
   *
   * @throws IllegalArgumentException for an unknown name, listing the accepted ones
   */
  public static String slf4jLevel(String level) {
    return switch (level.toUpperCase(Locale.ROOT)) {
      case "CRITICAL", "ERROR" -> "error";
      case "WARNING", "WARN" -> "warn";
      case "INFO" -> "info";
      case "DEBUG" -> "debug";
      case "NOTSET", "TRACE", "ALL" -> "trace";
      default ->
          throw new IllegalArgumentException(
              "unknown log level '"
                  + level
                  + "'; use one of CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET (or error, warn,"
                  + " info, debug, trace)");
    };
  }

  private static java.util.logging.Level julLevel(String slf4j) {
    return switch (slf4j) {
      case "error" -> java.util.logging.Level.SEVERE;
      case "warn" -> java.util.logging.Level.WARNING;
      case "info" -> java.util.logging.Level.INFO;
      case "debug" -> java.util.logging.Level.FINE;
      default -> java.util.logging.Level.FINEST;
    };
  }

  private static ClassLoader loader(Object o) {
    ClassLoader cl = o.getClass().getClassLoader();
    return cl != null ? cl : ClassLoader.getSystemClassLoader();
  }
}
