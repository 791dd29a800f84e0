package org.jipv8.reactor.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

class SimulatedNetworkTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final List<Disposable> subscriptions = new ArrayList<>();

  @AfterEach
  void tearDown() {
    subscriptions.forEach(Disposable::dispose);
    time.dispose();
  }

  private SimulatedNetworkBuilder network() {
    return SimulatedNetwork.builder().scheduler(time).seed(1);
  }

  private static SimulatedEndpoint opened(SimulatedEndpoint endpoint) {
    endpoint.open().block();
    return endpoint;
  }

  private List<Datagram> record(SimulatedEndpoint endpoint) {
    List<Datagram> got = new ArrayList<>();
    subscriptions.add(endpoint.receive().subscribe(got::add));
    return got;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Datagram d) {
    return new String(d.data(), StandardCharsets.UTF_8);
  }

  @Test
  void datagramsArriveAfterTheLatencyInSendOrder() {
    SimulatedNetwork net = network().latency(Duration.ofMillis(50)).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    List<Datagram> got = record(b);

    a.send(b.localAddress(), bytes("1"));
    a.send(b.localAddress(), bytes("2"));
    a.send(b.localAddress(), bytes("3"));
    time.advanceTimeBy(Duration.ofMillis(49));
    assertTrue(got.isEmpty());
    time.advanceTimeBy(Duration.ofMillis(1));

    assertEquals(List.of("1", "2", "3"), got.stream().map(SimulatedNetworkTest::text).toList());
    assertEquals(a.localAddress(), got.get(0).source());
    assertEquals(3, net.statistics().delivered());
  }

  @Test
  void sendNeverDeliversInsideTheCallEvenWithZeroLatency() {
    SimulatedNetwork net = network().latency(Duration.ZERO).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    List<Datagram> got = record(b);
    int[] depth = {0};
    int[] maxDepth = {0};
    // b echoes everything back; a counts nesting to prove no delivery happens inside send().
    subscriptions.add(b.receive().subscribe(d -> b.send(d.source(), d.data())));
    subscriptions.add(
        a.receive()
            .take(5)
            .subscribe(
                d -> {
                  depth[0]++;
                  maxDepth[0] = Math.max(maxDepth[0], depth[0]);
                  a.send(b.localAddress(), d.data());
                  depth[0]--;
                }));

    a.send(b.localAddress(), bytes("echo"));
    assertTrue(got.isEmpty(), "delivered synchronously");
    time.advanceTimeBy(Duration.ofMillis(1));

    assertEquals(1, maxDepth[0]);
    assertEquals(6, got.size());
  }

  @Test
  void flushCompletesAtOnce() {
    SimulatedNetwork net = network().build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    a.send(net.newEndpoint().localAddress(), bytes("x"));
    assertTrue(a.flush().toFuture().isDone());
  }

  @Test
  void autoAssignedAddressesAreUniqueAndLoopbackLooking() {
    SimulatedNetwork net = network().build();
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      Address address = net.newEndpoint().localAddress();
      assertTrue(address.isLoopback(), address.toString());
      assertTrue(seen.add(address), "duplicate " + address);
    }
    Address given = Address.ipv4("127.9.9.9", 1234);
    assertEquals(given, net.newEndpoint(given).localAddress());
    assertThrows(IllegalArgumentException.class, () -> net.newEndpoint(given));
  }

  @Test
  void unknownDestinationAndClosedEndpointsAreCounted() {
    SimulatedNetwork net = network().build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint closed = opened(net.newEndpoint());
    closed.close().block();
    SimulatedEndpoint neverOpened = net.newEndpoint();

    a.send(Address.ipv4("127.200.0.1", 1), bytes("nobody"));
    a.send(closed.localAddress(), bytes("closed"));
    a.send(neverOpened.localAddress(), bytes("not open"));
    assertFalse(closed.send(a.localAddress(), bytes("from closed")));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(3, net.statistics().unreachable());
    assertEquals(3, a.statistics().drops(DropReason.SIMULATED_LOSS));
    assertEquals(1, closed.statistics().drops(DropReason.ENDPOINT_CLOSED));
    assertEquals(0, net.statistics().delivered());
  }

  @Test
  void lossDuplicationAndReorderingAreDeterministicForASeed() {
    List<String> first = lossyTrace(7);
    List<String> again = lossyTrace(7);
    List<String> other = lossyTrace(8);

    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  private List<String> lossyTrace(long seed) {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    try {
      SimulatedNetwork net =
          SimulatedNetwork.builder()
              .scheduler(clock)
              .seed(seed)
              .lossProbability(0.2)
              .duplicationProbability(0.1)
              .latency(Duration.ofMillis(10), Duration.ofMillis(5))
              .reordering(0.1, Duration.ofMillis(30))
              .build();
      SimulatedEndpoint a = opened(net.newEndpoint());
      SimulatedEndpoint b = opened(net.newEndpoint());
      List<String> trace = new ArrayList<>();
      Disposable d =
          b.receive().subscribe(x -> trace.add(clock.now(TimeUnit.MICROSECONDS) + ":" + text(x)));
      for (int i = 0; i < 200; i++) {
        a.send(b.localAddress(), bytes(Integer.toString(i)));
      }
      clock.advanceTimeBy(Duration.ofSeconds(1));
      d.dispose();
      SimulationStatistics s = net.statistics();
      assertEquals(200, s.sent());
      assertEquals(200 - s.lost() + s.duplicated(), s.delivered());
      assertTrue(s.lost() > 0 && s.duplicated() > 0 && s.reordered() > 0, s.toString());
      return trace;
    } finally {
      clock.dispose();
    }
  }

  @Test
  void reorderedDatagramsAreOvertakenByLaterOnes() {
    SimulatedNetwork net =
        network().latency(Duration.ofMillis(10)).reordering(0.5, Duration.ofMillis(100)).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    List<Datagram> got = record(b);
    for (int i = 0; i < 50; i++) {
      a.send(b.localAddress(), bytes(Integer.toString(i)));
    }
    time.advanceTimeBy(Duration.ofSeconds(1));

    List<Integer> order = got.stream().map(d -> Integer.parseInt(text(d))).toList();
    assertEquals(50, order.size());
    assertNotEquals(order.stream().sorted().toList(), order, "some datagrams overtaken");
  }

  @Test
  void lossRateFollowsTheConfiguredProbability() {
    SimulatedNetwork net = network().lossProbability(0.1).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    for (int i = 0; i < 10_000; i++) {
      a.send(b.localAddress(), new byte[1]);
    }
    time.advanceTimeBy(Duration.ofSeconds(1));

    long lost = net.statistics().lost();
    assertTrue(lost > 850 && lost < 1150, "lost " + lost);
    assertEquals(lost, a.statistics().drops(DropReason.SIMULATED_LOSS));
    assertEquals(10_000 - lost, b.statistics().packetsReceived());
  }

  @Test
  void addressRestrictedNatAdmitsOnlyHostsItsEndpointContacted() {
    SimulatedNetwork net = network().build();
    SimulatedEndpoint inside = opened(net.newEndpointBehindNat(NatType.ADDRESS_RESTRICTED));
    SimulatedEndpoint outside = opened(net.newEndpoint(Address.ipv4("127.50.0.1", 8090)));
    SimulatedEndpoint outsideOtherPort = opened(net.newEndpoint(Address.ipv4("127.50.0.1", 9000)));
    SimulatedEndpoint stranger = opened(net.newEndpoint());
    List<Datagram> atOutside = record(outside);
    List<Datagram> atInside = record(inside);
    SimulatedNat nat = inside.natDevice().orElseThrow();
    assertTrue(inside.localAddress().isPrivateIpv4(), "a LAN address");

    inside.send(outside.localAddress(), bytes("hello"));
    time.advanceTimeBy(Duration.ofSeconds(1));
    Address mapped = atOutside.get(0).source();
    assertEquals(nat.publicIp(), mapped.host());
    assertEquals(mapped, nat.externalAddress(inside, outside.localAddress()));

    outside.send(mapped, bytes("reply"));
    outsideOtherPort.send(mapped, bytes("same ip, other port"));
    stranger.send(mapped, bytes("never contacted"));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(
        List.of("reply", "same ip, other port"),
        atInside.stream().map(SimulatedNetworkTest::text).toList());
    assertEquals(1, net.statistics().natBlocked());
    assertEquals(1, stranger.statistics().drops(DropReason.SIMULATED_LOSS));
  }

  @Test
  void natBlocksInboundUntilTheInsideEndpointSendsFirst() {
    SimulatedNetwork net = network().build();
    SimulatedEndpoint inside = opened(net.newEndpointBehindNat(NatType.ADDRESS_RESTRICTED));
    SimulatedEndpoint outside = opened(net.newEndpoint());
    List<Datagram> atInside = record(inside);
    String publicIp = inside.natDevice().orElseThrow().publicIp();

    outside.send(Address.ipv4(publicIp, 20_000), bytes("too early"));
    time.advanceTimeBy(Duration.ofSeconds(1));
    assertTrue(atInside.isEmpty());
    assertEquals(1, net.statistics().natBlocked());

    inside.send(outside.localAddress(), bytes("punch"));
    outside.send(Address.ipv4(publicIp, 20_000), bytes("now"));
    time.advanceTimeBy(Duration.ofSeconds(1));
    assertEquals(List.of("now"), atInside.stream().map(SimulatedNetworkTest::text).toList());
  }

  @Test
  void symmetricNatUsesOnePortPerDestinationAndFiltersOnIt() {
    SimulatedNetwork net = network().build();
    SimulatedEndpoint inside = opened(net.newEndpointBehindNat(NatType.SYMMETRIC));
    SimulatedEndpoint first = opened(net.newEndpoint());
    SimulatedEndpoint second = opened(net.newEndpoint());
    List<Datagram> atFirst = record(first);
    List<Datagram> atSecond = record(second);
    List<Datagram> atInside = record(inside);

    inside.send(first.localAddress(), bytes("to first"));
    inside.send(second.localAddress(), bytes("to second"));
    inside.send(first.localAddress(), bytes("to first again"));
    time.advanceTimeBy(Duration.ofSeconds(1));
    Address seenByFirst = atFirst.get(0).source();
    Address seenBySecond = atSecond.get(0).source();
    assertEquals(seenByFirst, atFirst.get(1).source(), "stable per destination");
    assertEquals(seenByFirst.host(), seenBySecond.host());
    assertNotEquals(seenByFirst.port(), seenBySecond.port(), "new port per destination");

    first.send(seenByFirst, bytes("first replies"));
    second.send(seenByFirst, bytes("second uses first's mapping"));
    first.send(seenBySecond, bytes("first uses second's mapping"));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(
        List.of("first replies"), atInside.stream().map(SimulatedNetworkTest::text).toList());
    assertEquals(2, net.statistics().natBlocked());
  }

  @Test
  void endpointsBehindOneNatTalkOverTheLanWhichOutsidersCannotReach() {
    SimulatedNetwork net = network().build();
    SimulatedNat nat = net.newNat(NatType.PORT_RESTRICTED);
    SimulatedEndpoint one = opened(nat.newEndpoint());
    SimulatedEndpoint two = opened(nat.newEndpoint());
    SimulatedEndpoint outside = opened(net.newEndpoint());
    List<Datagram> atTwo = record(two);

    one.send(two.localAddress(), bytes("over the LAN"));
    outside.send(two.localAddress(), bytes("private address from outside"));
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(1, atTwo.size());
    assertEquals(one.localAddress(), atTwo.get(0).source());
    assertNotEquals(one.localAddress(), two.localAddress());
    assertEquals(1, net.statistics().unreachable());
    assertEquals(List.of(one, two), nat.endpoints());
    assertNotNull(nat.toString());
  }

  @Test
  void fiftyFiveEndpointsExchangeDeterministicallyUnderVirtualTime() {
    List<String> first = allToAll(55, 3);
    List<String> second = allToAll(55, 3);
    assertEquals(first, second);
  }

  private List<String> allToAll(int n, long seed) {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    try {
      SimulatedNetwork net =
          SimulatedNetwork.builder()
              .scheduler(clock)
              .seed(seed)
              .lossProbability(0.05)
              .duplicationProbability(0.01)
              .latency(Duration.ofMillis(20), Duration.ofMillis(20))
              .build();
      List<SimulatedEndpoint> nodes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodes.add(
            opened(i % 5 == 0 ? net.newEndpointBehindNat(NatType.FULL_CONE) : net.newEndpoint()));
      }
      List<String> trace = new ArrayList<>();
      List<Disposable> subs = new ArrayList<>();
      for (SimulatedEndpoint node : nodes) {
        // Every node answers each "hello" once, from the scheduler thread.
        subs.add(
            node.receive()
                .subscribe(
                    d -> {
                      trace.add(
                          clock.now(TimeUnit.MICROSECONDS)
                              + " "
                              + node.localAddress()
                              + " <- "
                              + d.source()
                              + " "
                              + text(d));
                      if (text(d).equals("hello")) {
                        node.send(d.source(), bytes("welcome"));
                      }
                    }));
      }
      for (SimulatedEndpoint from : nodes) {
        for (SimulatedEndpoint to : nodes) {
          if (from != to && to.natDevice().isEmpty()) {
            from.send(to.localAddress(), bytes("hello"));
          }
        }
      }
      clock.advanceTimeBy(Duration.ofSeconds(5));
      subs.forEach(Disposable::dispose);

      SimulationStatistics s = net.statistics();
      long received = nodes.stream().mapToLong(e -> e.statistics().packetsReceived()).sum();
      long losses =
          nodes.stream().mapToLong(e -> e.statistics().drops(DropReason.SIMULATED_LOSS)).sum();
      assertEquals(s.delivered(), received);
      assertEquals(s.lost() + s.natBlocked() + s.unreachable(), losses);
      assertEquals(
          s.sent() - s.lost() + s.duplicated(), s.delivered() + s.natBlocked() + s.unreachable());
      assertTrue(s.delivered() > (long) n * (n - 1) / 2, s.toString());
      return trace;
    } finally {
      clock.dispose();
    }
  }

  @Test
  void messageStatisticsUseTheSchedulersClock() {
    SimulatedNetwork net = network().latency(Duration.ofMillis(1)).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    byte[] prefix = new byte[22];
    b.messageStatistics().enable(prefix, true);
    byte[] packet = new byte[30];
    packet[22] = 1;

    time.advanceTimeBy(Duration.ofSeconds(100));
    a.send(b.localAddress(), packet);
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(100.001, b.messageStatistics().statistics(prefix).get(1).lastMeasuredDown(), 1e-9);
  }

  @Test
  void receivedBytesAreACopyOwnedByTheReceiver() {
    SimulatedNetwork net = network().duplicationProbability(1).build();
    SimulatedEndpoint a = opened(net.newEndpoint());
    SimulatedEndpoint b = opened(net.newEndpoint());
    List<Datagram> got = record(b);
    byte[] packet = bytes("abc");

    a.send(b.localAddress(), packet);
    packet[0] = 'X';
    time.advanceTimeBy(Duration.ofSeconds(1));

    assertEquals(2, got.size());
    got.get(0).data()[1] = 'Y';
    assertArrayEquals(bytes("abc"), got.get(1).data());
    assertEquals("abc", text(got.get(1)));
  }
}
