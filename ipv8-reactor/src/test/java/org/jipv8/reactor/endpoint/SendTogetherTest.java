package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jipv8.api.endpoint.Datagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

/**
 * {@link UdpEndpoint#sendTogether}: what the calling thread sends inside waits in the outbound
 * queue until the call returns, and then all of it is written, in order; other threads' sends are
 * not held back.
 */
@Timeout(60)
class SendTogetherTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<UdpEndpoint> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() {
    opened.forEach(e -> e.closeNow(TIMEOUT));
  }

  private UdpEndpoint openLoopback() {
    UdpEndpoint endpoint = UdpEndpoint.builder().host("127.0.0.1").build();
    opened.add(endpoint);
    return endpoint.openNow(TIMEOUT);
  }

  private static byte[] numbered(int n) {
    return java.nio.ByteBuffer.allocate(4).putInt(n).array();
  }

  private static int number(Datagram d) {
    return java.nio.ByteBuffer.wrap(d.data()).getInt();
  }

  @Test
  void datagramsSentTogetherWaitUntilTheCallReturnsThenAllArriveInOrder() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    int count = 50;
    List<Integer> waiting = new ArrayList<>();

    StepVerifier.create(b.receive().map(SendTogetherTest::number).take(count).collectList())
        .then(
            () ->
                a.sendTogether(
                    () -> {
                      for (int i = 0; i < count; i++) {
                        a.send(b.localAddress(), numbered(i));
                      }
                      // Nested: still held until the outermost call returns.
                      a.sendTogether(() -> waiting.add(a.outboundQueueSize()));
                      waiting.add(a.outboundQueueSize());
                    }))
        .assertNext(
            got -> assertEquals(java.util.stream.IntStream.range(0, count).boxed().toList(), got))
        .expectComplete()
        .verify(TIMEOUT);

    assertEquals(List.of(count, count), waiting, "nothing was handed to the socket inside");
    assertEquals(count, a.statistics().packetsSent());
  }

  @Test
  void anotherThreadsSendIsNotHeldBackAndAThrowingCallStillSendsWhatItQueued() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();

    StepVerifier.create(b.receive().map(SendTogetherTest::number).take(2))
        .then(
            () ->
                assertThrows(
                    IllegalStateException.class,
                    () ->
                        a.sendTogether(
                            () -> {
                              reactor.core.publisher.Mono<Integer> two =
                                  b.receive()
                                      .map(SendTogetherTest::number)
                                      .filter(n -> n == 2)
                                      .next()
                                      .cache();
                              two.subscribe();
                              a.send(b.localAddress(), numbered(1));
                              // Another thread's datagram goes out while this call still holds
                              // (and takes the held one along: the queue is one queue).
                              CompletableFuture.runAsync(
                                      () -> a.send(b.localAddress(), numbered(2)))
                                  .join();
                              assertEquals(2, two.block(TIMEOUT));
                              throw new IllegalStateException("boom");
                            })))
        .expectNext(1, 2)
        .expectComplete()
        .verify(TIMEOUT);
  }
}
