package org.jipv8.api.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LiteralsTest {

  @Test
  void numbersBooleansAndNullAreTyped() {
    assertEquals(20, Literals.parse("20"));
    assertEquals(-1, Literals.parse("-1"));
    assertEquals(5_000_000_000L, Literals.parse("5000000000"));
    assertEquals(3.0, Literals.parse("3.0"));
    assertEquals(1e-3, Literals.parse("1e-3"));
    assertEquals(true, Literals.parse("true"));
    assertEquals(false, Literals.parse("false"));
    assertNull(Literals.parse("null"));
  }

  @Test
  void quotedTextIsAStringEvenWhenItLooksLikeANumber() {
    assertEquals("42", Literals.parse("\"42\""));
    assertEquals("a\"b\n\u00e9", Literals.parse("\"a\\\"b\\n\\u00e9\""));
  }

  @Test
  void otherTextIsTakenAsIs() {
    assertEquals("walker", Literals.parse("walker"));
    assertEquals("", Literals.parse(""));
    assertEquals("1.2.3.4", Literals.parse("1.2.3.4"));
    assertEquals("012", Literals.parse("012"));
    assertEquals("99999999999999999999", Literals.parse("99999999999999999999"));
  }
}
