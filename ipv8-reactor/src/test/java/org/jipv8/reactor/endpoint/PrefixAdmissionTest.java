package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A full community's datagrams are refused at the endpoint; the others pass. */
class PrefixAdmissionTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final SimulatedNetwork net = SimulatedNetwork.builder().scheduler(time).build();

  @AfterEach
  void tearDown() {
    time.dispose();
  }

  private static byte[] prefix(int first) {
    byte[] p = new byte[22];
    p[0] = (byte) first;
    return p;
  }

  private static byte[] packet(byte[] prefix) {
    byte[] p = new byte[30];
    System.arraycopy(prefix, 0, p, 0, 22);
    return p;
  }

  @Test
  void refusesOnlyTheFullCommunitysDatagramsAndCountsThemPerPrefix() {
    byte[] busy = prefix(1);
    byte[] idle = prefix(2);
    AtomicBoolean full = new AtomicBoolean(true);
    PrefixAdmission admission = new PrefixAdmission();
    admission.register(busy, full::get);
    admission.register(idle, () -> false);
    SimulatedEndpoint sender = net.newEndpoint();
    SimulatedEndpoint receiver = net.newEndpoint();
    sender.open().block();
    receiver.open().block();
    receiver.setReceiveAdmission(admission);
    AtomicInteger delivered = new AtomicInteger();
    Disposable s = receiver.receive().subscribe(d -> delivered.incrementAndGet());

    sender.send(receiver.localAddress(), packet(busy));
    sender.send(receiver.localAddress(), packet(idle));
    sender.send(receiver.localAddress(), packet(prefix(3)));
    sender.send(receiver.localAddress(), new byte[5]);
    time.advanceTimeBy(Duration.ofSeconds(1));
    full.set(false);
    sender.send(receiver.localAddress(), packet(busy));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(4, delivered.get());
    assertEquals(1, receiver.statistics().drops(DropReason.INBOX_FULL));
    assertEquals(1, admission.refused(busy));
    assertEquals(0, admission.refused(idle));
    s.dispose();
  }

  @Test
  void disposingARegistrationAdmitsThePrefixAgain() {
    byte[] p = prefix(9);
    PrefixAdmission admission = new PrefixAdmission();
    Disposable registration = admission.register(p, () -> true);
    ByteBuffer view = ByteBuffer.wrap(packet(p)).asReadOnlyBuffer();
    assertEquals(DropReason.INBOX_FULL, admission.admit(view));

    registration.dispose();

    assertNull(admission.admit(view));
    assertEquals(0, admission.refused(p));
    assertThrows(IllegalArgumentException.class, () -> admission.register(new byte[3], () -> true));
  }

  @Test
  void hasRoomForAsksTheRoomCheckOfThePrefixAndCountsNothing() {
    byte[] p = prefix(4);
    AtomicInteger queued = new AtomicInteger(100);
    PrefixAdmission admission = new PrefixAdmission();
    admission.register(p, () -> queued.get() >= 100, () -> queued.get() <= 75);
    ByteBuffer view = ByteBuffer.wrap(packet(p)).asReadOnlyBuffer();
    assertEquals(DropReason.INBOX_FULL, admission.admit(view));

    queued.set(90);
    assertFalse(admission.hasRoomFor(view), "not full, but not drained far enough");
    assertNull(admission.admit(view), "admitted meanwhile");
    queued.set(75);
    assertTrue(admission.hasRoomFor(view));
    assertEquals(1, admission.refused(p), "probes are not refusals");
    assertTrue(admission.hasRoomFor(ByteBuffer.wrap(packet(prefix(5)))), "unknown prefix");

    byte[] plain = prefix(6);
    AtomicBoolean full = new AtomicBoolean(true);
    admission.register(plain, full::get);
    ByteBuffer other = ByteBuffer.wrap(packet(plain)).asReadOnlyBuffer();
    assertFalse(admission.hasRoomFor(other), "without a room check: room when not full");
    full.set(false);
    assertTrue(admission.hasRoomFor(other));
  }
}
