package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class DispatcherEndpointTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final SimulatedNetwork net = SimulatedNetwork.builder().scheduler(time).build();

  @AfterEach
  void tearDown() {
    time.dispose();
  }

  @Test
  void sendsByDestinationFamilyAndMergesWhatComesIn() {
    SimulatedEndpoint v4 = net.newEndpoint();
    SimulatedEndpoint v6 = net.newEndpoint(Address.ipv6("::1", 8090));
    SimulatedEndpoint peer4 = net.newEndpoint();
    SimulatedEndpoint peer6 = net.newEndpoint(Address.ipv6("::1", 9000));
    peer4.open().block();
    peer6.open().block();
    DispatcherEndpoint dispatcher = DispatcherEndpoint.of(v4, v6);
    dispatcher.open().block();

    StepVerifier.create(dispatcher.receive().take(2))
        .then(
            () -> {
              assertTrue(dispatcher.send(peer4.localAddress(), new byte[1]));
              assertTrue(dispatcher.send(peer6.localAddress(), new byte[2]));
              peer4.send(v4.localAddress(), new byte[3]);
              peer6.send(v6.localAddress(), new byte[4]);
              time.advanceTimeBy(Duration.ofSeconds(1));
            })
        .expectNextCount(2)
        .expectComplete()
        .verify(Duration.ofSeconds(5));

    assertEquals(1, v4.statistics().packetsSent());
    assertEquals(1, v6.statistics().packetsSent());
    assertEquals(2, dispatcher.statistics().packetsSent());
    assertEquals(3, dispatcher.statistics().bytesSent());
    assertEquals(v4.localAddress(), dispatcher.localAddress());
  }

  @Test
  void destinationWithoutAMatchingChildIsCounted() {
    SimulatedEndpoint v4 = net.newEndpoint();
    DispatcherEndpoint dispatcher = DispatcherEndpoint.of(v4, null);
    dispatcher.open().block();

    assertFalse(dispatcher.send(Address.ipv6("::1", 1), new byte[1]));
    assertFalse(dispatcher.send(Address.domain("example.org", 1), new byte[1]));

    assertEquals(1, dispatcher.statistics().drops(DropReason.NO_ADDRESS_FAMILY));
    assertEquals(1, dispatcher.statistics().drops(DropReason.SOCKET_ERROR));
    dispatcher.close().block();
    assertFalse(dispatcher.isOpen());
  }

  @Test
  void writeErrorsWithTheExactReasonAndCompletesThroughTheChild() {
    SimulatedEndpoint v4 = net.newEndpoint();
    SimulatedEndpoint peer = net.newEndpoint();
    DispatcherEndpoint dispatcher = DispatcherEndpoint.of(v4, null);

    expectRefusal(dispatcher.write(peer.localAddress(), new byte[1]), DropReason.ENDPOINT_CLOSED);
    dispatcher.open().block();
    StepVerifier.create(dispatcher.write(peer.localAddress(), new byte[1]))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
    expectRefusal(
        dispatcher.write(Address.ipv6("::1", 1), new byte[1]), DropReason.NO_ADDRESS_FAMILY);
    expectRefusal(
        dispatcher.write(Address.domain("example.org", 1), new byte[1]), DropReason.SOCKET_ERROR);
    expectRefusal(
        dispatcher.write(peer.localAddress(), new byte[UdpEndpoint.MAX_IPV4_PAYLOAD + 1]),
        DropReason.TOO_LARGE);

    assertEquals(1, dispatcher.statistics().packetsSent());
    assertEquals(1, dispatcher.statistics().drops(DropReason.TOO_LARGE));
    assertEquals(1, dispatcher.statistics().drops(DropReason.ENDPOINT_CLOSED));
  }

  private static void expectRefusal(reactor.core.publisher.Mono<Void> write, DropReason reason) {
    StepVerifier.create(write)
        .expectErrorSatisfies(
            e ->
                assertEquals(
                    reason,
                    ((org.jipv8.api.messaging.SendFailedException) e).reason(),
                    e.getMessage()))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void needsAtLeastOneChild() {
    assertThrows(IllegalArgumentException.class, () -> DispatcherEndpoint.of(null, null));
  }
}
