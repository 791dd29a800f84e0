package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jipv8.api.address.Address;
import org.junit.jupiter.api.Test;

class LoopbackGuardTest {

  @Test
  void enabledGuardPermitsOnlyLoopbackLiterals() {
    LoopbackGuard guard = LoopbackGuard.enabled();

    assertTrue(guard.permits(Address.ipv4("127.0.0.1", 1)));
    assertTrue(guard.permits(Address.ipv4("127.200.3.4", 1)));
    assertTrue(guard.permits(Address.ipv6("::1", 1)));
    assertTrue(guard.permits(Address.ipv6("::ffff:127.0.0.1", 1)));
    assertFalse(guard.permits(Address.ipv4("8.8.8.8", 53)));
    assertFalse(guard.permits(Address.ipv4("192.168.1.1", 1)));
    assertFalse(guard.permits(Address.ipv4("0.0.0.0", 0)));
    assertFalse(guard.permits(Address.ipv6("2001:db8::1", 1)));
    assertFalse(guard.permits(Address.domain("localhost", 1)), "names are never resolved");
  }

  @Test
  void disabledGuardPermitsEverything() {
    LoopbackGuard guard = LoopbackGuard.disabled();
    assertFalse(guard.isEnabled());
    assertTrue(guard.permits(Address.ipv4("8.8.8.8", 53)));
  }

  @Test
  void environmentSwitchesAGuardOnButNeverOff() {
    // The test JVM runs with -Djipv8.loopbackOnly=true (see the parent pom).
    assertTrue(LoopbackGuard.fromEnvironment().isEnabled());
    assertTrue(LoopbackGuard.disabled().effective().isEnabled());
    LoopbackGuard requested = LoopbackGuard.enabled();
    assertSame(requested, requested.effective());
  }

  @Test
  void refusalsAreAdmittedNeverAndLoggedWithoutFailing() {
    LoopbackGuard guard = LoopbackGuard.enabled();
    for (int i = 0; i < 3; i++) {
      assertFalse(guard.admit(Address.ipv4("8.8.4.4", 53)));
    }
    assertTrue(guard.admit(Address.ipv4("127.0.0.1", 53)));
  }
}
