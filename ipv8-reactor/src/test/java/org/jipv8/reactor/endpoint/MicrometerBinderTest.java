package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class MicrometerBinderTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void udpEndpointCountersAndQueueAreExported() {
    UdpEndpoint a = UdpEndpoint.builder().host("127.0.0.1").bindNow(TIMEOUT);
    UdpEndpoint b = UdpEndpoint.builder().host("127.0.0.1").bindNow(TIMEOUT);
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      MicrometerBinder.bind(a, registry, Tag.of("node", "a"));

      StepVerifier.create(b.receive().take(2))
          .then(
              () -> {
                a.send(b.localAddress(), new byte[10]);
                a.send(b.localAddress(), new byte[20]);
                a.send(Address.ipv4("8.8.8.8", 53), new byte[1]); // loopback guard
              })
          .expectNextCount(2)
          .expectComplete()
          .verify(TIMEOUT);
      a.flush().block(TIMEOUT);

      assertEquals(
          2,
          registry
              .get("jipv8.endpoint.packets")
              .tags("direction", "sent", "node", "a")
              .functionCounter()
              .count());
      assertEquals(
          30,
          registry.get("jipv8.endpoint.bytes").tag("direction", "sent").functionCounter().count());
      assertEquals(
          1,
          registry
              .get("jipv8.endpoint.drops")
              .tag("reason", "loopback_guard")
              .functionCounter()
              .count());
      assertEquals(0, registry.get("jipv8.endpoint.outbound.queue").gauge().value());
      assertEquals(
          a.localAddress().toString(),
          registry
              .get("jipv8.endpoint.packets")
              .meters()
              .iterator()
              .next()
              .getId()
              .getTag("endpoint"));
    } finally {
      a.closeNow(TIMEOUT);
      b.closeNow(TIMEOUT);
    }
  }

  @Test
  void anyEndpointCanBeBound() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    try {
      SimulatedNetwork net = SimulatedNetwork.builder().scheduler(time).build();
      SimulatedEndpoint a = net.newEndpoint();
      SimulatedEndpoint b = net.newEndpoint();
      a.open().block();
      b.open().block();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      MicrometerBinder.bind(b, registry);

      a.send(b.localAddress(), new byte[7]);
      time.advanceTimeBy(Duration.ofSeconds(1));

      assertEquals(
          7,
          registry
              .get("jipv8.endpoint.bytes")
              .tag("direction", "received")
              .functionCounter()
              .count());
    } finally {
      time.dispose();
    }
  }
}
