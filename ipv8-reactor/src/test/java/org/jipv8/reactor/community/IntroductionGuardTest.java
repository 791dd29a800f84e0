package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.junit.jupiter.api.Test;

/** The bookkeeping behind {@link IntroductionHardening}: matching, expiry, rates and bounds. */
class IntroductionGuardTest {
  private static final Address A = Address.ipv4("127.0.0.2", 1000);
  private static final Address B = Address.ipv4("127.0.0.3", 1000);

  @Test
  void aResponseMatchesOnlyItsOwnRequestOnceAndInTime() {
    IntroductionGuard g = new IntroductionGuard(IntroductionHardening.DEFAULT);
    g.requested(A, 7, 1000);
    assertFalse(g.answered(B, 7, 1001), "another address");
    assertFalse(g.answered(A, 8, 1001), "another identifier");
    assertTrue(g.answered(A, 7, 1002));
    assertFalse(g.answered(A, 7, 1003), "answered once");
    g.requested(A, 9, 2000);
    assertFalse(g.answered(A, 9, 2000 + 5001), "too late");
  }

  @Test
  void aWalkToALanSlotMatchesTheAnswerFromThatHostAndPort() {
    IntroductionGuard g = new IntroductionGuard(IntroductionHardening.DEFAULT);
    g.requested(Address.lan("10.0.0.5", 7), 3, 0);
    assertTrue(g.answered(Address.ipv4("10.0.0.5", 7), 3, 1));
  }

  @Test
  void pendingRequestsAreBoundedAndExpire() {
    IntroductionGuard g = new IntroductionGuard(IntroductionHardening.DEFAULT);
    for (int i = 0; i < 5000; i++) {
      g.requested(Address.ipv4("127.1." + (i / 250) + "." + (i % 250), 1), i, 0);
    }
    assertEquals(1024, g.pendingCount());
    g.requested(A, 1, 10_000);
    assertEquals(1, g.pendingCount(), "expired requests are forgotten");
  }

  @Test
  void punctureRequestsAreLimitedPerSourceAndPerTargetPerWindow() {
    IntroductionGuard g = new IntroductionGuard(IntroductionHardening.DEFAULT);
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      if (g.allowPunctureRequest(A, B, 0)) {
        allowed++;
      }
    }
    assertEquals(3, allowed, "3 per target per second");
    allowed = 0;
    for (int i = 0; i < 50; i++) {
      if (g.allowPunctureRequest(A, Address.ipv4("127.2.0." + (1 + i), 1), 10)) {
        allowed++;
      }
    }
    assertEquals(20 - 10, allowed, "20 per source per second, 10 already used");
    assertTrue(g.allowPunctureRequest(A, B, 1000), "a new window");
    for (int i = 0; i < 5000; i++) {
      g.allowPunctureRequest(Address.ipv4("127.3." + (i / 250) + "." + (i % 250), 1), B, 2000);
    }
    assertTrue(g.trackedAddresses() <= 2 * 1024);
  }

  @Test
  void settingsNameTheKeyThatIsWrong() {
    assertEquals(IntroductionHardening.DEFAULT, IntroductionHardening.fromSettings(Map.of()));
    assertFalse(
        IntroductionHardening.fromSettings(Map.of("introduction_hardening", false)).enabled());
    IntroductionHardening h =
        IntroductionHardening.fromSettings(
            Map.of("introduction_retries", 0, "introduction_response_timeout", 2.5));
    assertEquals(0, h.retries());
    assertEquals(Duration.ofMillis(2500), h.responseTimeout());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IntroductionHardening.fromSettings(Map.of("puncture_request_rate", "many")));
    assertTrue(e.getMessage().startsWith("puncture_request_rate"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IntroductionHardening.fromSettings(Map.of("introduction_hardening", "yes")));
    assertTrue(e.getMessage().startsWith("introduction_hardening"), e.getMessage());
  }
}
