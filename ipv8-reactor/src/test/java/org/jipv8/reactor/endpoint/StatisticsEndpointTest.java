package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The per-message statistics decorator counts each datagram once, whatever the subscribers. */
class StatisticsEndpointTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final SimulatedNetwork net = SimulatedNetwork.builder().scheduler(time).build();

  @AfterEach
  void tearDown() {
    time.dispose();
  }

  @Test
  void countsSentAndReceivedOncePerDatagramForEnabledPrefixes() {
    byte[] prefix = new byte[22];
    prefix[3] = 9;
    SimulatedEndpoint rawA = net.newEndpoint();
    StatisticsEndpoint a = StatisticsEndpoint.wrap(rawA);
    StatisticsEndpoint b = StatisticsEndpoint.wrap(net.newEndpoint());
    a.open().block();
    b.open().block();
    a.messageStatistics().enable(prefix, true);
    b.messageStatistics().enable(prefix, true);
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    Disposable s1 = b.receive().subscribe(d -> first.incrementAndGet());
    Disposable s2 = b.receive().subscribe(d -> second.incrementAndGet());
    byte[] packet = new byte[30];
    System.arraycopy(prefix, 0, packet, 0, 22);
    packet[22] = 5;

    a.send(b.localAddress(), packet);
    StepVerifier.create(a.write(b.localAddress(), packet))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(2, first.get());
    assertEquals(2, second.get());
    assertEquals(2, a.messageStatistics().statistics(prefix).get(5).numUp());
    assertEquals(2, b.messageStatistics().statistics(prefix).get(5).numDown());
    assertEquals(60, b.messageStatistics().statistics(prefix).get(5).bytesDown());
    assertEquals(2, a.statistics().packetsSent());
    assertSame(rawA, a.inner());
    s1.dispose();
    s2.dispose();

    StepVerifier.create(b.receive()).then(() -> b.close().block()).expectComplete().verify();
    assertFalse(b.isOpen());
  }
}
