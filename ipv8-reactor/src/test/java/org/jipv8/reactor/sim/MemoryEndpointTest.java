package org.jipv8.reactor.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The socketless endpoint: delivery by address, latency, the send log, injection, closing. */
class MemoryEndpointTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final MemoryInternet internet = new MemoryInternet(clock);
  private final MemoryEndpoint a =
      internet.endpoint(Address.ipv4("10.0.0.1", 1), Address.ipv4("127.0.9.1", 1)).openNow();
  private final MemoryEndpoint b =
      internet.endpoint(Address.ipv4("10.0.0.2", 2), Address.ipv4("127.0.9.2", 2)).openNow();

  @Test
  void aDatagramArrivesAfterTheLatencyFromTheSendersWanAddress() {
    List<Datagram> got = new ArrayList<>();
    b.receive().subscribe(got::add);
    internet.setLatency(Duration.ofMillis(50));
    a.send(b.lan(), new byte[] {1, 2, 3});
    clock.advanceTimeBy(Duration.ofMillis(49));
    assertEquals(0, got.size());
    clock.advanceTimeBy(Duration.ofMillis(1));
    assertEquals(1, got.size());
    assertEquals(a.wan(), got.get(0).source());
    assertArrayEquals(new byte[] {1, 2, 3}, got.get(0).data());
    assertEquals(1, internet.sent().size());
    assertEquals(1, a.statistics().packetsSent());
    assertEquals(1, b.statistics().packetsReceived());
  }

  @Test
  void aDatagramToNobodyIsLoggedAsUndeliverable() {
    a.send(Address.ipv4("127.0.9.9", 9), new byte[] {7});
    clock.advanceTime();
    assertEquals(1, internet.undeliverable().size());
    internet.clearLog();
    assertEquals(List.of(), internet.sent());
  }

  @Test
  void injectDeliversAtOnceAndAClosedEndpointRefuses() {
    List<Datagram> got = new ArrayList<>();
    b.receive().subscribe(got::add);
    b.inject(a.wan(), new byte[] {9});
    assertEquals(1, got.size());
    b.close().block();
    assertFalse(b.isOpen());
    assertFalse(b.send(a.wan(), new byte[] {1}));
    SendFailedException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SendFailedException.class, () -> b.write(a.wan(), new byte[] {1}).block());
    assertEquals(DropReason.ENDPOINT_CLOSED, e.reason());
    assertTrue(b.statistics().drops().get(DropReason.ENDPOINT_CLOSED) >= 2);
  }
}
