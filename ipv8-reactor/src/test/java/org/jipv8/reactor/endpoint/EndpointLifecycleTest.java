package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jipv8.reactor.endpoint.EndpointLifecycle.State;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class EndpointLifecycleTest {

  @Test
  void opensThenClosesThroughClosing() {
    EndpointLifecycle life = new EndpointLifecycle();
    assertTrue(life.beginOpening());
    assertFalse(life.beginOpening(), "opens once");
    assertTrue(life.completeOpening());
    assertTrue(life.isOpen());

    assertEquals(State.OPEN, life.beginClosing());
    assertEquals(State.CLOSING, life.current());
    assertFalse(life.isOpen());
    assertEquals(State.CLOSING, life.beginClosing(), "idempotent");
    life.closed();
    assertEquals(State.CLOSED, life.current());
    StepVerifier.create(life.whenReleased()).expectComplete().verify();
  }

  @Test
  void aCloseDuringTheBindWinsAndANeverOpenedEndpointClosesAtOnce() {
    EndpointLifecycle binding = new EndpointLifecycle();
    binding.beginOpening();
    assertEquals(State.OPENING, binding.beginClosing());
    assertFalse(binding.completeOpening(), "the bind callback releases the socket");

    EndpointLifecycle fresh = new EndpointLifecycle();
    assertEquals(State.NEW, fresh.beginClosing());
    assertEquals(State.CLOSED, fresh.current());
    assertFalse(fresh.beginOpening());
    StepVerifier.create(fresh.whenReleased()).expectComplete().verify();
  }
}
