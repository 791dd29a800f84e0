package org.jipv8.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EchoRuleTest {
  @Test
  void aPlainTextIsEchoedWithTheNextCounter() {
    InteropCommunity.SignedText reply = EchoRule.reply("hi", 7).orElseThrow();
    assertEquals("echo:hi", reply.text());
    assertEquals(8, reply.counter());
  }

  @Test
  void anEchoIsNeverEchoedAgain() {
    assertTrue(EchoRule.reply("echo:hi", 8).isEmpty());
  }
}
