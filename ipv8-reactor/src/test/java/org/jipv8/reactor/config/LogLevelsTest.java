package org.jipv8.reactor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jipv8.api.config.LoggerConfig;
import org.junit.jupiter.api.Test;

/** logger.level reaches the binding; a level the user set explicitly wins. */
class LogLevelsTest {

  @Test
  void pyIpv8NamesMapToSlf4jLevels() {
    assertEquals("error", LogLevels.slf4jLevel("CRITICAL"));
    assertEquals("error", LogLevels.slf4jLevel("ERROR"));
    assertEquals("warn", LogLevels.slf4jLevel("WARNING"));
    assertEquals("info", LogLevels.slf4jLevel("INFO"));
    assertEquals("debug", LogLevels.slf4jLevel("debug"));
    assertEquals("trace", LogLevels.slf4jLevel("NOTSET"));
    for (String level : LoggerConfig.LEVELS) {
      LogLevels.slf4jLevel(level);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogLevels.slf4jLevel("LOUD"));
    assertTrue(e.getMessage().contains("CRITICAL, ERROR, WARNING"), e.getMessage());
  }

  @Test
  void withSlf4jSimpleTheLevelGoesToItsPropertyUnlessTheUserSetOne() {
    String before = System.getProperty(LogLevels.SIMPLE_LOGGER_PROPERTY);
    try {
      // The user (here: the build, with -D) chose a level: the configuration leaves it alone.
      System.setProperty(LogLevels.SIMPLE_LOGGER_PROPERTY, "warn");
      assertEquals(LogLevels.Binding.SIMPLE, LogLevels.apply(new LoggerConfig("DEBUG")));
      assertEquals("warn", System.getProperty(LogLevels.SIMPLE_LOGGER_PROPERTY));

      // Nobody chose one: the configuration's level applies, and a later node's replaces it.
      System.clearProperty(LogLevels.SIMPLE_LOGGER_PROPERTY);
      assertEquals(LogLevels.Binding.SIMPLE, LogLevels.apply(new LoggerConfig("DEBUG")));
      assertEquals("debug", System.getProperty(LogLevels.SIMPLE_LOGGER_PROPERTY));
      LogLevels.apply(new LoggerConfig("ERROR"));
      assertEquals("error", System.getProperty(LogLevels.SIMPLE_LOGGER_PROPERTY));
      org.slf4j.Logger made = org.slf4j.LoggerFactory.getLogger("org.jipv8.test.MadeAfter");
      assertTrue(made.isErrorEnabled() && !made.isWarnEnabled(), "a logger made afterwards obeys");
    } finally {
      if (before == null) {
        System.clearProperty(LogLevels.SIMPLE_LOGGER_PROPERTY);
      } else {
        System.setProperty(LogLevels.SIMPLE_LOGGER_PROPERTY, before);
      }
    }
  }
}
