package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.unix.UnixChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.endpoint.BindFailedException;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

@Timeout(60)
class UdpEndpointTest {
  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpointTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<UdpEndpoint> opened = new ArrayList<>();
  private final List<Disposable> subscriptions = new ArrayList<>();

  @AfterEach
  void closeEverything() {
    opened.forEach(e -> e.closeNow(TIMEOUT));
    subscriptions.forEach(Disposable::dispose);
  }

  private UdpEndpoint open(UdpEndpointBuilder builder) {
    UdpEndpoint endpoint = builder.build();
    opened.add(endpoint);
    return endpoint.openNow(TIMEOUT);
  }

  private UdpEndpoint openLoopback() {
    return open(UdpEndpoint.builder().host("127.0.0.1").port(0));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoLoopbackEndpointsExchangeDatagrams() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    assertNotEquals(0, a.localAddress().port());
    assertEquals(AddressKind.UDPV4, a.localAddress().kind());

    StepVerifier.create(b.receive().take(1))
        .then(() -> a.send(b.localAddress(), bytes("ping")))
        .assertNext(
            d -> {
              assertEquals(a.localAddress(), d.source());
              assertEquals(AddressKind.UDPV4, d.source().kind());
              assertArrayEquals(bytes("ping"), d.data());
            })
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(a.receive().take(1))
        .then(() -> b.send(a.localAddress(), bytes("pong")))
        .assertNext(d -> assertArrayEquals(bytes("pong"), d.data()))
        .expectComplete()
        .verify(TIMEOUT);

    assertEquals(1, a.statistics().packetsSent());
    assertEquals(4, a.statistics().bytesSent());
    assertEquals(1, a.statistics().packetsReceived());
    assertEquals(0, a.statistics().totalDrops());
  }

  @Test
  void ipv6LoopbackEndpointsExchangeDatagramsAndAreIpv6Only() {
    UdpEndpoint a;
    try {
      a = open(UdpEndpoint.builder().host("::1"));
    } catch (IllegalStateException e) {
      Assumptions.abort("no ::1 on this machine: " + e.getMessage());
      return;
    }
    UdpEndpoint b = open(UdpEndpoint.builder().host("::1"));
    assertEquals(AddressKind.UDPV6, a.localAddress().kind());
    assertEquals("::1", a.localAddress().host());

    StepVerifier.create(b.receive().take(1))
        .then(() -> a.send(b.localAddress(), bytes("hello v6")))
        .assertNext(
            d -> {
              assertEquals(a.localAddress(), d.source());
              assertEquals(AddressKind.UDPV6, d.source().kind());
              assertArrayEquals(bytes("hello v6"), d.data());
            })
        .expectComplete()
        .verify(TIMEOUT);

    // The option is read back from the kernel with getsockopt, so this proves it was applied.
    if (a.channelForTest() instanceof UnixChannel) {
      assertEquals(1, a.ipv6OnlySocketOption());
      UdpEndpoint dualStack = open(UdpEndpoint.builder().host("::1").ipv6Only(false));
      assertEquals(null, dualStack.ipv6OnlySocketOption(), "not touched when not asked");
    } else {
      assertEquals(null, a.ipv6OnlySocketOption(), "NIO cannot set IPV6_V6ONLY");
    }
  }

  @Test
  void ipv4WildcardEndpointIsAnIpv4SocketNotADualStackOne() {
    // The one test that binds the wildcard (briefly, port 0; it only talks to 127.0.0.1): native
    // transports bind 0.0.0.0 as :: on a dual-stack socket unless the family is forced.
    UdpEndpoint any = open(UdpEndpoint.builder().host("0.0.0.0"));
    UdpEndpoint a = openLoopback();

    assertEquals(Address.ipv4("0.0.0.0", any.localAddress().port()), any.localAddress());
    assertEquals(AddressKind.UDPV4, any.localAddress().kind());
    StepVerifier.create(any.receive().take(1))
        .then(() -> a.send(Address.ipv4("127.0.0.1", any.localAddress().port()), bytes("v4")))
        .assertNext(d -> assertEquals(a.localAddress(), d.source()))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void ipv4EndpointRefusesIpv6DestinationsAsNoAddressFamily() {
    UdpEndpoint a = openLoopback();
    assertFalse(a.send(Address.ipv6("::1", 9), bytes("x")));
    assertEquals(1, a.statistics().drops(DropReason.NO_ADDRESS_FAMILY));
  }

  @Test
  void takenPortFailsWithABindFailureNamingTheAddressAndTheCause() {
    UdpEndpoint first = openLoopback();
    int port = first.localAddress().port();
    UdpEndpoint second = UdpEndpoint.builder().host("127.0.0.1").port(port).build();
    opened.add(second);

    BindFailedException e = assertThrows(BindFailedException.class, () -> second.openNow(TIMEOUT));
    assertEquals(BindFailedException.Cause.PORT_IN_USE, e.kind());
    assertEquals(Address.ipv4("127.0.0.1", port), e.address());
    assertEquals(1, e.attempts());
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    // The fix is the caller's to name, in its own terms (a configuration key, a flag).
    assertFalse(e.getMessage().contains("portAttempts"), e.getMessage());
    assertFalse(e.getMessage().contains("builder"), e.getMessage());
    assertFalse(second.isOpen());
    StepVerifier.create(second.receive()).expectComplete().verify(TIMEOUT);
  }

  @Test
  void anAddressOfAnotherMachineFailsAsAddressNotAvailable() {
    // 192.0.2.1 (TEST-NET-1) is never assigned to this machine; binding it sends nothing.
    UdpEndpoint foreign = UdpEndpoint.builder().host("192.0.2.1").build();
    opened.add(foreign);

    BindFailedException e = assertThrows(BindFailedException.class, () -> foreign.openNow(TIMEOUT));
    assertEquals(BindFailedException.Cause.ADDRESS_NOT_AVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("192.0.2.1"), e.getMessage());
  }

  @Test
  void takenPortWithAttemptsBindsAFollowingPortAndReportsIt() {
    UdpEndpoint first = openLoopback();
    int port = first.localAddress().port();
    Assumptions.assumeTrue(port <= 65_530, "OS chose a port too close to 65535 for this test");

    UdpEndpoint second = open(UdpEndpoint.builder().host("127.0.0.1").port(port).portAttempts(5));

    int bound = second.localAddress().port();
    assertTrue(bound > port && bound <= port + 4, "bound " + bound + " after " + port);
    StepVerifier.create(second.receive().take(1))
        .then(() -> first.send(second.localAddress(), bytes("found you")))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void closingReleasesThePortForANewEndpoint() {
    UdpEndpoint first = openLoopback();
    int port = first.localAddress().port();
    first.closeNow(TIMEOUT);
    assertFalse(first.isOpen());

    UdpEndpoint again = open(UdpEndpoint.builder().host("127.0.0.1").port(port));

    assertEquals(port, again.localAddress().port());
  }

  @Test
  void closedEndpointCompletesReceiveAndCountsSendsAsEndpointClosed() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();

    StepVerifier.create(a.receive())
        .then(() -> a.close().subscribe())
        .expectComplete()
        .verify(TIMEOUT);

    assertFalse(a.send(b.localAddress(), bytes("too late")));
    assertEquals(1, a.statistics().drops(DropReason.ENDPOINT_CLOSED));
    StepVerifier.create(a.flush()).expectComplete().verify(TIMEOUT);
    StepVerifier.create(a.close()).expectComplete().verify(TIMEOUT);
    assertThrows(IllegalStateException.class, () -> a.openNow(TIMEOUT));
  }

  @Test
  void loopbackGuardRefusesAPublicAddressBeforeItReachesTheSocket() {
    // Belt and braces: the socket is bound to 127.0.0.1, from which the kernel cannot route to a
    // public address anyway, so even a broken guard could not put a datagram on the internet.
    UdpEndpoint a =
        open(UdpEndpoint.builder().host("127.0.0.1").loopbackGuard(LoopbackGuard.enabled()));

    assertFalse(a.send(Address.ipv4("8.8.8.8", 53), bytes("must never leave")));
    assertFalse(a.send(Address.domain("localhost", 53), bytes("names are refused too")));

    StepVerifier.create(a.flush()).expectComplete().verify(TIMEOUT);
    assertEquals(2, a.statistics().drops(DropReason.LOOPBACK_GUARD));
    assertEquals(0, a.statistics().packetsSent());
    assertEquals(0, a.statistics().bytesSent());
    assertEquals(0, a.statistics().drops(DropReason.SOCKET_ERROR));
    assertEquals(0, a.outboundQueuePeak(), "never even queued");
  }

  @Test
  void testsRunWithTheLoopbackGuardSwitchedOnByTheEnvironment() {
    // The build sets -Djipv8.loopbackOnly=true for every test JVM; if that ever goes missing,
    // this fails before any test can contact a public host.
    assertTrue(LoopbackGuard.fromEnvironment().isEnabled());
    assertTrue(UdpEndpoint.builder().build().loopbackGuard().isEnabled());
  }

  @Test
  void oversizedDatagramIsCountedAndTheLargestOneStillArrivesIntact() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();

    assertFalse(a.send(b.localAddress(), new byte[70_000]));
    assertEquals(1, a.statistics().drops(DropReason.TOO_LARGE));

    byte[] largest = new byte[UdpEndpoint.MAX_IPV4_PAYLOAD];
    for (int i = 0; i < largest.length; i++) {
      largest[i] = (byte) (i * 31);
    }
    StepVerifier.create(b.receive().take(1))
        .then(() -> a.send(b.localAddress(), largest))
        .assertNext(d -> assertArrayEquals(largest, d.data(), "not truncated"))
        .expectComplete()
        .verify(TIMEOUT);
    assertTrue(a.isOpen() && b.isOpen());
  }

  @Test
  void flushCompletesOnceEveryEarlierDatagramWasHandedToTheSocket() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    for (int i = 0; i < 5_000; i++) {
      assertTrue(a.send(b.localAddress(), bytes("datagram " + i)));
    }

    StepVerifier.create(a.flush()).expectComplete().verify(TIMEOUT);

    assertEquals(5_000, a.statistics().packetsSent());
    assertEquals(0, a.outboundQueueSize());
  }

  @Test
  void burstOf100000SendsReachesTheSocketWithoutOutboundDrops() throws Exception {
    int burst = 100_000;
    UdpEndpoint a = open(UdpEndpoint.builder().host("127.0.0.1").outboundQueueCapacity(burst));
    // The receiver reads on its own event loop, so the sender's writes do not starve its reads.
    LoopResources receiverLoop = LoopResources.create("burst-receiver", 1, true);
    subscriptions.add(receiverLoop);
    UdpEndpoint b = open(UdpEndpoint.builder().host("127.0.0.1").runOn(receiverLoop));
    LongAdder arrived = new LongAdder();
    subscriptions.add(b.receive().subscribe(d -> arrived.increment()));
    byte[] packet = new byte[200];

    long start = System.nanoTime();
    int accepted = 0;
    for (int i = 0; i < burst; i++) {
      if (a.send(b.localAddress(), packet)) {
        accepted++;
      }
    }
    a.flush().block(TIMEOUT);
    long elapsed = System.nanoTime() - start;

    assertEquals(burst, accepted);
    assertEquals(0, a.statistics().totalDrops());
    assertEquals(burst, a.statistics().packetsSent());
    assertEquals(200L * burst, a.statistics().bytesSent());
    // The receiver's socket buffer may overflow on loopback; that is the kernel's drop, not ours.
    waitUntilQuiet(arrived, burst);
    LOG.info(
        "100k burst: {} ms to hand all to the socket ({} datagrams/s), 0 outbound drops, {}"
            + " received, queue peak {}",
        TimeUnit.NANOSECONDS.toMillis(elapsed),
        (long) (burst / (elapsed / 1e9)),
        arrived.sum(),
        a.outboundQueuePeak());
  }

  @Test
  void burstPacedWithFlushFitsTheDefaultQueueWithoutDrops() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    byte[] packet = new byte[200];

    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 10_000; i++) {
        a.send(b.localAddress(), packet);
      }
      a.flush().block(TIMEOUT);
    }

    assertEquals(0, a.statistics().totalDrops());
    assertEquals(100_000, a.statistics().packetsSent());
    assertTrue(a.outboundQueuePeak() <= UdpEndpointConfig.DEFAULT_OUTBOUND_QUEUE_CAPACITY);
  }

  @Test
  void unwritableChannelFillsTheQueueToItsBoundAndDropsTheRest() {
    int capacity = 1_000;
    UdpEndpoint a = open(UdpEndpoint.builder().host("127.0.0.1").outboundQueueCapacity(capacity));
    UdpEndpoint b = openLoopback();
    a.pauseWrites().block(TIMEOUT);

    int accepted = 0;
    for (int i = 0; i < 10_000; i++) {
      if (a.send(b.localAddress(), new byte[100])) {
        accepted++;
      }
    }
    CompletableFuture<Void> flushed = a.flush().toFuture();
    // A second round trip through the event loop: the drain that handles the flush has run.
    a.pauseWrites().block(TIMEOUT);

    assertEquals(capacity, accepted);
    assertEquals(10_000 - capacity, a.statistics().drops(DropReason.QUEUE_FULL));
    assertEquals(capacity, a.outboundQueuePeak());
    assertEquals(0, a.statistics().packetsSent());
    assertFalse(flushed.isDone(), "nothing could be written yet");

    a.resumeWrites().block(TIMEOUT);
    StepVerifier.create(a.flush()).expectComplete().verify(TIMEOUT);

    assertTrue(flushed.isDone());
    assertEquals(capacity, a.statistics().packetsSent());
    assertEquals(0, a.outboundQueueSize());
  }

  @Test
  void sendsFasterThanTheSocketStayBoundedAndEveryDatagramIsAccountedFor() {
    int capacity = 1_000;
    UdpEndpoint a = open(UdpEndpoint.builder().host("127.0.0.1").outboundQueueCapacity(capacity));
    UdpEndpoint b = openLoopback();
    int burst = 100_000;

    int accepted = 0;
    for (int i = 0; i < burst; i++) {
      if (a.send(b.localAddress(), new byte[200])) {
        accepted++;
      }
      assertTrue(a.outboundQueueSize() <= capacity);
    }
    a.flush().block(TIMEOUT);

    long queueFull = a.statistics().drops(DropReason.QUEUE_FULL);
    assertEquals(burst, accepted + queueFull);
    assertEquals(accepted, a.statistics().packetsSent());
    assertTrue(a.outboundQueuePeak() <= capacity);
    LOG.info(
        "queue of {}: {} of {} accepted, {} dropped as QUEUE_FULL, peak {}",
        capacity,
        accepted,
        burst,
        queueFull,
        a.outboundQueuePeak());
  }

  @Test
  void theRunsOfTheSocketHoldEveryReceivedDatagramOnceAndInOrder() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    List<Integer> singles = java.util.Collections.synchronizedList(new ArrayList<>());
    List<List<Datagram>> runs = java.util.Collections.synchronizedList(new ArrayList<>());
    subscriptions.add(b.receive().subscribe(d -> singles.add(number(d))));
    subscriptions.add(b.receiveBursts().subscribe(runs::add));
    int sent = 500;
    for (int i = 0; i < sent; i++) {
      a.send(b.localAddress(), java.nio.ByteBuffer.allocate(4).putInt(i).array());
    }
    waitUntilQuiet(b, sent);
    // The received counter moves before a datagram is published, and the last run ends with the
    // read loop that took the last datagram: wait until both streams have everything counted.
    long received = b.statistics().packetsReceived();
    waitUntil(
        () -> {
          synchronized (runs) {
            return singles.size() == received
                && runs.stream().mapToInt(List::size).sum() == received;
          }
        });

    List<Integer> flattened = new ArrayList<>();
    synchronized (runs) {
      for (List<Datagram> run : runs) {
        assertTrue(
            !run.isEmpty() && run.size() <= org.jipv8.api.endpoint.Endpoint.MAX_BURST,
            "run size " + run.size());
        run.forEach(d -> flattened.add(number(d)));
      }
    }
    assertEquals(singles, flattened);
    assertEquals(b.statistics().packetsReceived(), flattened.size());
    assertTrue(flattened.size() > 0);
  }

  private static int number(Datagram d) {
    return java.nio.ByteBuffer.wrap(d.data()).getInt();
  }

  @Test
  void slowSubscriberLosesDatagramsCountedAsReceiveOverflow() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    List<Datagram> got = new ArrayList<>();
    // Requests one datagram and never more.
    StepVerifier.create(b.receive(), 1)
        .then(
            () -> {
              a.send(b.localAddress(), bytes("one"));
              a.send(b.localAddress(), bytes("two"));
              a.send(b.localAddress(), bytes("three"));
            })
        .assertNext(got::add)
        .then(() -> waitUntilQuiet(b, 3))
        // The received counter moves before the datagram reaches the subscriber (and overflows).
        .then(() -> waitUntil(() -> b.statistics().drops(DropReason.RECEIVE_OVERFLOW) >= 2))
        .thenCancel()
        .verify(TIMEOUT);

    assertEquals(3, b.statistics().packetsReceived());
    assertEquals(2, b.statistics().drops(DropReason.RECEIVE_OVERFLOW));
  }

  @Test
  void messageStatisticsCountEnabledCommunitiesOnBothSides() {
    StatisticsEndpoint a = StatisticsEndpoint.wrap(openLoopback());
    StatisticsEndpoint b = StatisticsEndpoint.wrap(openLoopback());
    byte[] prefix = new byte[22];
    prefix[1] = 2;
    prefix[2] = 7;
    a.messageStatistics().enable(prefix, true);
    b.messageStatistics().enable(prefix, true);
    byte[] packet = new byte[40];
    System.arraycopy(prefix, 0, packet, 0, 22);
    packet[22] = (byte) 246;

    StepVerifier.create(b.receive().take(2))
        .then(
            () -> {
              a.send(b.localAddress(), packet);
              a.send(b.localAddress(), prefix.clone()); // 22 bytes: ignored by the statistics
            })
        .expectNextCount(2)
        .expectComplete()
        .verify(TIMEOUT);

    assertEquals(1, a.messageStatistics().statistics(prefix).get(246).numUp());
    assertEquals(1, b.messageStatistics().statistics(prefix).get(246).numDown());
    assertEquals(40, b.messageStatistics().statistics(prefix).get(246).bytesDown());
    assertEquals(1, b.messageStatistics().statistics(prefix).size());
  }

  private static void waitUntilQuiet(UdpEndpoint receiver, long expected) {
    waitUntil(() -> receiver.statistics().packetsReceived() >= expected);
  }

  private static void waitUntilQuiet(LongAdder arrived, long expected) {
    // Loopback may drop at the receiver; wait until everything arrived or nothing moved for a
    // while. Polls with a bounded wait, never used to order events under test.
    long last = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (arrived.sum() < expected && System.nanoTime() < deadline) {
      long now = arrived.sum();
      if (now == last) {
        return;
      }
      last = now;
      reactor.core.publisher.Mono.delay(Duration.ofMillis(100)).block();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + TIMEOUT);
      }
      Thread.onSpinWait();
    }
  }
}
