package org.jipv8.api.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {

  @Test
  void settingNullRemovesTheAttribute() {
    Session session = new Session().set("a", 1);

    session.set("a", null);

    assertFalse(session.has("a"));
    assertEquals(Map.of(), session.attributes());
  }

  @Test
  void typedGetNamesTheAttributeOnAMismatch() {
    Session session = new Session().set("a", "text");

    ClassCastException e =
        assertThrows(ClassCastException.class, () -> session.get("a", Integer.class));
    assertTrue(e.getMessage().contains("'a'"), e.getMessage());
  }

  @Test
  void truthinessFollowsPython() {
    Session s = new Session();

    assertFalse(s.isTruthy("absent"));
    assertFalse(s.set("v", false).isTruthy("v"));
    assertFalse(s.set("v", 0.0).isTruthy("v"));
    assertFalse(s.set("v", Map.of()).isTruthy("v"));
    assertFalse(s.set("v", new int[0]).isTruthy("v"));
    assertTrue(s.set("v", 1).isTruthy("v"));
    assertTrue(s.set("v", new Object()).isTruthy("v"));
  }
}
