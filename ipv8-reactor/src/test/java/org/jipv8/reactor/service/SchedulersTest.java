package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Which schedulers a node makes for itself, and which it disposes. */
class SchedulersTest {

  @Test
  void withOneProcessorTheProtocolThreadAlsoVerifies() {
    Schedulers s = Schedulers.create(null, null, 1);
    try {
      assertSame(s.protocol(), s.verify());
      assertTrue(s.ownsProtocol());
      assertFalse(s.ownsVerify(), "disposed once, as the protocol scheduler");
    } finally {
      s.dispose();
    }
    assertTrue(s.protocol().isDisposed());
  }

  @Test
  void withMoreProcessorsVerificationHasItsOwnPoolThatTheNodeDisposes() {
    Schedulers s = Schedulers.create(null, null, 2);
    Scheduler verify = s.verify();
    assertNotSame(s.protocol(), verify);
    assertTrue(s.ownsVerify());
    s.dispose();
    assertTrue(verify.isDisposed());
    assertTrue(s.protocol().isDisposed());
  }

  @Test
  void givenSchedulersAreUsedAsGivenAndNeverDisposed() {
    VirtualTimeScheduler protocol = VirtualTimeScheduler.create();
    VirtualTimeScheduler verify = VirtualTimeScheduler.create();
    Schedulers s = Schedulers.create(protocol, verify, 1);
    assertSame(protocol, s.protocol());
    assertSame(verify, s.verify());
    s.dispose();
    assertFalse(protocol.isDisposed());
    assertFalse(verify.isDisposed());

    Schedulers onlyProtocol = Schedulers.create(protocol, null, 1);
    assertSame(
        protocol, onlyProtocol.verify(), "one processor: the given protocol thread verifies");
    onlyProtocol.dispose();
    assertFalse(protocol.isDisposed());
  }
}
