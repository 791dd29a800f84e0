package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link UdpEndpoint#write}: lazy, completes when written, errors with the exact reason. */
@Timeout(60)
class UdpEndpointWriteTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<UdpEndpoint> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() {
    opened.forEach(e -> e.closeNow(TIMEOUT));
  }

  private UdpEndpoint open(UdpEndpointBuilder builder) {
    UdpEndpoint endpoint = builder.build();
    opened.add(endpoint);
    return endpoint.openNow(TIMEOUT);
  }

  private UdpEndpoint openLoopback() {
    return open(UdpEndpoint.builder().host("127.0.0.1"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void expectRefusal(Mono<Void> write, DropReason reason) {
    StepVerifier.create(write)
        .expectErrorSatisfies(
            e -> {
              SendFailedException failure = assertInstanceOf(SendFailedException.class, e);
              assertEquals(reason, failure.reason(), failure.getMessage());
            })
        .verify(TIMEOUT);
  }

  @Test
  void nothingIsSentUntilSubscribedAndEachSubscriptionSendsOnce() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    Mono<Void> write = a.write(b.localAddress(), bytes("lazy"));
    a.flush().block(TIMEOUT);
    assertEquals(0, a.statistics().packetsSent(), "not subscribed, not sent");

    StepVerifier.create(b.receive().take(2))
        .then(
            () -> {
              write.block(TIMEOUT);
              write.block(TIMEOUT);
            })
        .assertNext(d -> assertArrayEquals(bytes("lazy"), d.data()))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);
    assertEquals(2, a.statistics().packetsSent());
  }

  @Test
  void completesOnlyOnceTheSocketHasWrittenTheDatagram() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    a.pauseWrites().block(TIMEOUT);

    CompletableFuture<Void> written = a.write(b.localAddress(), bytes("held")).toFuture();
    // A round trip through the event loop: the drain ran and found the channel unwritable.
    a.pauseWrites().block(TIMEOUT);
    assertFalse(written.isDone(), "queued, not yet written");
    assertEquals(0, a.statistics().packetsSent());

    a.resumeWrites().block(TIMEOUT);
    StepVerifier.create(Mono.fromFuture(written)).expectComplete().verify(TIMEOUT);
    assertEquals(1, a.statistics().packetsSent());
  }

  @Test
  void errorsWithEndpointClosedBeforeOpenAndAfterClose() {
    UdpEndpoint b = openLoopback();
    UdpEndpoint never = UdpEndpoint.builder().host("127.0.0.1").build();
    expectRefusal(never.write(b.localAddress(), bytes("x")), DropReason.ENDPOINT_CLOSED);

    UdpEndpoint a = openLoopback();
    a.closeNow(TIMEOUT);
    expectRefusal(a.write(b.localAddress(), bytes("x")), DropReason.ENDPOINT_CLOSED);
    assertEquals(1, a.statistics().drops(DropReason.ENDPOINT_CLOSED));
  }

  @Test
  void aDatagramStillQueuedWhenTheEndpointClosesErrorsWithEndpointClosed() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    a.pauseWrites().block(TIMEOUT);
    CompletableFuture<Void> written = a.write(b.localAddress(), bytes("stranded")).toFuture();
    a.pauseWrites().block(TIMEOUT);

    a.closeNow(TIMEOUT);

    expectRefusal(Mono.fromFuture(written), DropReason.ENDPOINT_CLOSED);
    assertEquals(0, a.statistics().packetsSent());
  }

  @Test
  void errorsWithLoopbackGuardTooLargeAndNoAddressFamily() {
    UdpEndpoint a =
        open(UdpEndpoint.builder().host("127.0.0.1").loopbackGuard(LoopbackGuard.enabled()));
    UdpEndpoint b = openLoopback();

    expectRefusal(a.write(Address.ipv4("8.8.8.8", 53), bytes("x")), DropReason.LOOPBACK_GUARD);
    expectRefusal(
        a.write(b.localAddress(), new byte[UdpEndpoint.MAX_IPV4_PAYLOAD + 1]),
        DropReason.TOO_LARGE);
    expectRefusal(a.write(Address.ipv6("::1", 9), bytes("x")), DropReason.NO_ADDRESS_FAMILY);
    expectRefusal(a.write(Address.ipv4("127.0.0.1", 0), bytes("x")), DropReason.SOCKET_ERROR);

    assertEquals(1, a.statistics().drops(DropReason.LOOPBACK_GUARD));
    assertEquals(1, a.statistics().drops(DropReason.TOO_LARGE));
    assertEquals(1, a.statistics().drops(DropReason.NO_ADDRESS_FAMILY));
    assertEquals(1, a.statistics().drops(DropReason.SOCKET_ERROR));
    assertEquals(0, a.outboundQueuePeak(), "refused before the queue");
    StepVerifier.create(a.write(b.localAddress(), new byte[UdpEndpoint.MAX_IPV4_PAYLOAD]))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void errorsWithQueueFullWhenTheQueueIsFull() {
    UdpEndpoint a = open(UdpEndpoint.builder().host("127.0.0.1").outboundQueueCapacity(2));
    UdpEndpoint b = openLoopback();
    a.pauseWrites().block(TIMEOUT);
    CompletableFuture<Void> first = a.write(b.localAddress(), bytes("1")).toFuture();
    CompletableFuture<Void> second = a.write(b.localAddress(), bytes("2")).toFuture();

    expectRefusal(a.write(b.localAddress(), bytes("3")), DropReason.QUEUE_FULL);

    a.resumeWrites().block(TIMEOUT);
    StepVerifier.create(Mono.fromFuture(first).then(Mono.fromFuture(second)))
        .expectComplete()
        .verify(TIMEOUT);
    assertEquals(1, a.statistics().drops(DropReason.QUEUE_FULL));
    assertEquals(2, a.statistics().packetsSent());
  }
}
