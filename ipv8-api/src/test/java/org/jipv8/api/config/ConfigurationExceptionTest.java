package org.jipv8.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationExceptionTest {

  @Test
  void messageNamesThePathTheProblemAndTheFix() {
    ConfigurationException e = new ConfigurationException("keys[0].alias", "missing", "give one");

    assertEquals("Invalid configuration at keys[0].alias: missing; give one", e.getMessage());
  }

  @Test
  void rootPathIsShownAsRoot() {
    assertEquals(
        "Invalid configuration at <root>: empty",
        new ConfigurationException("", "empty", "").getMessage());
  }

  @Test
  void underJoinsKeysWithDotsAndIndexesDirectly() {
    ConfigurationException e = new ConfigurationException("port", "p", "f");

    assertEquals("interfaces[0].port", e.under("interfaces[0]").path());
    assertEquals(
        "overlays[1].on_start[0][0]",
        new ConfigurationException("[0][0]", "p", "f").under("overlays[1].on_start").path());
    assertEquals("keys[2]", new ConfigurationException("", "p", "f").under("keys[2]").path());
    assertEquals("port", e.under("").path());
  }

  @Test
  void notOneOfListsSortedNamesAndSuggestsAClosePick() {
    ConfigurationException e =
        ConfigurationException.notOneOf(
            "x", "strategy", "RandomWlak", List.of("RandomWalk", "EdgeWalk"));

    assertEquals(
        "Invalid configuration at x: unknown strategy 'RandomWlak'; accepted: EdgeWalk, RandomWalk"
            + " (did you mean 'RandomWalk'?)",
        e.getMessage());
  }

  @Test
  void notOneOfSuggestsNothingForADistantName() {
    ConfigurationException e =
        ConfigurationException.notOneOf("x", "key", "completely_else", List.of("port", "ip"));

    assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
  }
}
