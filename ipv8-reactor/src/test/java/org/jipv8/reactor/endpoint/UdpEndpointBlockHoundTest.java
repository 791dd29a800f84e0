package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * Proves that opening, sending, receiving, flushing and closing never block a Netty event loop or a
 * Reactor non-blocking thread.
 *
 * <p>BlockHound cannot be uninstalled. The build runs classes tagged {@code blockhound} in their
 * own surefire execution (own JVM); in addition the callback only records while a test of this
 * class runs, so running it together with other tests (in an IDE) does not make those fail.
 */
@Tag("blockhound")
@Timeout(60)
class UdpEndpointBlockHoundTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
  private static volatile boolean recording;

  @BeforeAll
  static void installBlockHound() {
    BlockHound.builder()
        .loadIntegrations()
        .blockingMethodCallback(
            method -> {
              if (recording) {
                // Keep where it happened: a violation without its stack is hard to act on.
                StringBuilder where = new StringBuilder(method.toString());
                where.append(" on ").append(Thread.currentThread().getName());
                StackTraceElement[] stack = new Throwable().getStackTrace();
                for (int i = 0; i < Math.min(stack.length, 25); i++) {
                  where.append("\n    at ").append(stack[i]);
                }
                VIOLATIONS.add(where.toString());
              }
            })
        .install();
    // One endpoint first, so the JVM-wide one-time initialisation (native transport detection,
    // which UdpEndpoint moves to a blocking-friendly thread) is behind us and the tests below
    // exercise binding on the non-blocking thread itself.
    UdpEndpoint.builder().host("127.0.0.1").bindNow(TIMEOUT).closeNow(TIMEOUT);
  }

  @BeforeEach
  void startRecording() {
    VIOLATIONS.clear();
    recording = true;
  }

  @AfterEach
  void stopRecording() {
    recording = false;
  }

  @Test
  void blockingOnAnEventLoopOrAParallelThreadIsDetected() {
    // The canary: if BlockHound were not watching these threads, the real test could not fail.
    UdpEndpoint endpoint = UdpEndpoint.builder().host("127.0.0.1").bindNow(TIMEOUT);
    try {
      Mono.fromRunnable(UdpEndpointBlockHoundTest::sleepBriefly)
          .subscribeOn(Schedulers.fromExecutor(endpoint.channelForTest().eventLoop()))
          .block(TIMEOUT);
      assertTrue(VIOLATIONS.stream().anyMatch(v -> v.contains("sleep")), VIOLATIONS.toString());
      VIOLATIONS.clear();
      Mono.fromRunnable(UdpEndpointBlockHoundTest::sleepBriefly)
          .subscribeOn(Schedulers.parallel())
          .block(TIMEOUT);
      assertFalse(VIOLATIONS.isEmpty());
    } finally {
      endpoint.closeNow(TIMEOUT);
    }
  }

  @Test
  void openSendReceiveFlushAndCloseNeverBlock() {
    // Few enough to fit the receiver's socket buffer, so none is lost on loopback.
    int count = 300;
    Mono<UdpEndpoint> openA = UdpEndpoint.builder().host("127.0.0.1").build().open();
    Mono<UdpEndpoint> openB = UdpEndpoint.builder().host("127.0.0.1").build().open();

    Long received =
        Mono.zip(openA, openB)
            .subscribeOn(Schedulers.parallel())
            .flatMap(pair -> exchange(pair, count))
            .block(TIMEOUT);

    assertEquals(count, received);
    assertEquals(List.of(), VIOLATIONS);
  }

  private static Mono<Long> exchange(Tuple2<UdpEndpoint, UdpEndpoint> pair, int count) {
    UdpEndpoint a = pair.getT1();
    UdpEndpoint b = pair.getT2();
    Mono<Long> arrivals = b.receive().take(count).count();
    Mono<Void> sends =
        Flux.range(0, count)
            .publishOn(Schedulers.parallel())
            .doOnNext(i -> a.send(b.localAddress(), new byte[64]))
            .then(Mono.defer(a::flush));
    return arrivals
        .zipWith(sends.subscribeOn(Schedulers.parallel()).then(Mono.just(0L)))
        .map(Tuple2::getT1)
        .flatMap(n -> a.close().then(b.close()).subscribeOn(Schedulers.parallel()).thenReturn(n));
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aWholeNodeWalksAndMessagesWithoutBlocking() {
    java.util.function.Supplier<org.jipv8.reactor.service.Ipv8> node =
        () ->
            org.jipv8.reactor.service.Ipv8.builder()
                .configuration(
                    org.jipv8.api.config.ConfigBuilder.clean()
                        .setAddress("127.0.0.1")
                        .setPort(0)
                        .setLogLevel("WARNING")
                        .setWorkingDirectory(".")
                        .setWalkerInterval(0.1)
                        .addKey("me", org.jipv8.api.keys.KeyType.CURVE25519, "")
                        .addOverlay(
                            "InteropCommunity",
                            "me",
                            List.of(
                                org.jipv8.api.config.WalkerConfig.of(
                                    "RandomWalk", 1, java.util.Map.of())),
                            List.of(),
                            java.util.Map.of(),
                            List.of())
                        .finalizeConfig())
                .overlay(
                    org.jipv8.reactor.testing.InteropCommunity.class,
                    org.jipv8.reactor.testing.InteropCommunity::new)
                .loopbackOnly(true)
                .build();
    org.jipv8.reactor.service.Ipv8 a = node.get().startNow(TIMEOUT);
    org.jipv8.reactor.service.Ipv8 b = node.get().startNow(TIMEOUT);
    try {
      org.jipv8.reactor.testing.InteropCommunity ca =
          a.getOverlay(org.jipv8.reactor.testing.InteropCommunity.class);
      org.jipv8.reactor.testing.InteropCommunity cb =
          b.getOverlay(org.jipv8.reactor.testing.InteropCommunity.class);
      b.onProtocolThread(() -> cb.walkTo(a.endpoint().localAddress())).block(TIMEOUT);
      reactor.core.publisher.Flux.interval(Duration.ofMillis(20))
          .filter(t -> !ca.getPeers().isEmpty() && !cb.getPeers().isEmpty())
          .next()
          .block(TIMEOUT);
      b.onProtocolThread(
              () ->
                  cb.sendNow(
                      cb.getPeers().get(0),
                      new org.jipv8.reactor.testing.InteropCommunity.Signed("hi", 1)))
          .block(TIMEOUT);
      reactor.core.publisher.Flux.interval(Duration.ofMillis(20))
          .filter(t -> !ca.signedReceived().isEmpty())
          .next()
          .block(TIMEOUT);
    } finally {
      a.stopNow(TIMEOUT);
      b.stopNow(TIMEOUT);
    }
    assertTrue(VIOLATIONS.isEmpty(), String.join("\n", VIOLATIONS));
  }
}
