package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Bootstrapping, getNewIntroduction and unload (runtime.md sections 4.8 and 4.10). */
class LifecycleTest {

  /** A bootstrapper that records what is asked of it. */
  static final class FakeBootstrapper implements Bootstrapper {
    final String name;
    final List<Address> addresses;
    final List<String> events;
    boolean initialized;

    FakeBootstrapper(String name, List<Address> addresses, List<String> events) {
      this.name = name;
      this.addresses = addresses;
      this.events = events;
    }

    @Override
    public boolean isInitialized() {
      return initialized;
    }

    @Override
    public Mono<Boolean> initialize(Overlay overlay) {
      return Mono.fromSupplier(
          () -> {
            initialized = true;
            events.add(name + ".initialize");
            return true;
          });
    }

    @Override
    public Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout) {
      return Mono.fromSupplier(
          () -> {
            events.add(name + ".getAddresses");
            return addresses;
          });
    }

    @Override
    public void keepAlive(Overlay overlay) {
      events.add(name + ".keepAlive");
    }

    @Override
    public List<Address> blacklist() {
      return List.of();
    }

    @Override
    public Mono<Void> unload() {
      return Mono.fromRunnable(() -> events.add(name + ".unload"));
    }
  }

  private static List<Address> addresses(int n) {
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Address.ipv4("127.0.60." + (i + 1), 6000));
    }
    return out;
  }

  private static long requestsSent(TestNetwork net) {
    return net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == 246).count();
  }

  @Test
  void bootstrapWalksToAtMostMaxPeersAddressesOfEachBootstrapper() {
    try (TestNetwork net = TestNetwork.create()) {
      List<String> events = new ArrayList<>();
      FakeBootstrapper b = new FakeBootstrapper("b", addresses(5), events);
      InteropCommunity c =
          net.node().add(s -> s.maxPeers(2).bootstrapper(b), InteropCommunity::new);
      net.run(c::bootstrap);
      assertEquals(2, requestsSent(net));
      assertTrue(events.containsAll(List.of("b.initialize", "b.getAddresses")), events.toString());
    }
  }

  @Test
  void bootstrapWalksToEveryAddressWhenMaxPeersIsZero() {
    try (TestNetwork net = TestNetwork.create()) {
      FakeBootstrapper b = new FakeBootstrapper("b", addresses(5), new ArrayList<>());
      InteropCommunity c =
          net.node().add(s -> s.maxPeers(0).bootstrapper(b), InteropCommunity::new);
      net.run(c::bootstrap);
      assertEquals(5, requestsSent(net), "quirk A14: 0 means unlimited here");
    }
  }

  @Test
  void getNewIntroductionBootstrapsWhenThereAreNoPeers() {
    try (TestNetwork net = TestNetwork.create()) {
      List<String> events = new ArrayList<>();
      FakeBootstrapper b = new FakeBootstrapper("b", addresses(1), events);
      InteropCommunity c = net.node().add(s -> s.bootstrapper(b), InteropCommunity::new);
      net.run(() -> c.getNewIntroduction(null));
      assertTrue(events.contains("b.getAddresses"));
      assertEquals(1, requestsSent(net));
    }
  }

  /** Always draws {@code value} for doubles and 0 for ints. */
  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }

      @Override
      public int nextInt(int bound) {
        return 0;
      }
    };
  }

  private static void addPeer(TestNode node, TestNode peer) {
    Peer p = new Peer(peer.myPeer().publicKey(), peer.wan(), true, () -> 0L);
    node.network().addVerifiedPeer(p);
    node.network().discoverServices(p, List.of(InteropCommunity.ID));
  }

  @Test
  void getNewIntroductionSometimesKeepsInitialisedBootstrappersAliveInstead() {
    try (TestNetwork net = TestNetwork.create()) {
      List<String> events = new ArrayList<>();
      FakeBootstrapper b1 = new FakeBootstrapper("b1", List.of(), events);
      FakeBootstrapper b2 = new FakeBootstrapper("b2", List.of(), events);
      b1.initialized = true;
      TestNode n = net.node();
      InteropCommunity c =
          n.add(
              s -> s.bootstrapper(b1).bootstrapper(b2).random(fixed(0.04)), InteropCommunity::new);
      addPeer(n, net.node());
      net.run(() -> c.getNewIntroduction(null));
      assertEquals(List.of("b1.keepAlive", "b2.keepAlive"), events);
      assertEquals(0, requestsSent(net));
    }
  }

  @Test
  void getNewIntroductionOtherwiseAsksARandomPeer() {
    try (TestNetwork net = TestNetwork.create()) {
      List<String> events = new ArrayList<>();
      FakeBootstrapper b1 = new FakeBootstrapper("b1", List.of(), events);
      b1.initialized = true;
      TestNode n = net.node();
      TestNode peer = net.node();
      InteropCommunity c =
          n.add(s -> s.bootstrapper(b1).random(fixed(0.05)), InteropCommunity::new);
      addPeer(n, peer);
      net.run(() -> c.getNewIntroduction(null));
      assertTrue(events.isEmpty());
      assertEquals(peer.wan(), net.internet().sent().get(0).to());
    }
  }

  @Test
  void unloadUnloadsBootstrappersLastFirstAndStopsListening() {
    try (TestNetwork net = TestNetwork.create()) {
      List<String> events = new ArrayList<>();
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a =
          na.add(
              s ->
                  s.bootstrapper(new FakeBootstrapper("first", List.of(), events))
                      .bootstrapper(new FakeBootstrapper("second", List.of(), events)),
              InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      a.unload().block(Duration.ofSeconds(1));
      assertEquals(List.of("second.unload", "first.unload"), events);
      assertTrue(a.isUnloaded());
      assertTrue(a.tasks().isShutdown());
      assertTrue(a.bootstrappers().isEmpty());

      net.run(() -> b.sendNow(na.wan(), new InteropCommunity.Unsigned("late", 1)));
      assertTrue(a.unsignedReceived().isEmpty());
      assertFalse(a.settings().router().hasPrefix(a.prefix()));
    }
  }

  @Test
  void theLanAddressEstimateUsesTheFirstLanAddressAndTheEndpointPort() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode n = net.node();
      InteropCommunity c =
          n.add(
              s -> s.lanAddresses(LanAddressProvider.fixed("192.168.5.5")), InteropCommunity::new);
      assertEquals(List.of("192.168.5.5"), c.lanAddresses());
      InteropCommunity fresh = new InteropCommunity(c.settings());
      fresh.start().block();
      assertEquals(Address.ipv4("192.168.5.5", n.wan().port()), fresh.myEstimatedLan());
      assertEquals(
          Address.ipv4("127.0.0.1", n.wan().port()),
          fresh.myEstimatedWan(),
          "the WAN estimate starts as the LAN estimate of an open endpoint, taken before the"
              + " first LAN discovery");
    }
  }

  @Test
  void theWanEstimateStartsAsTheNullAddressWhileTheEndpointIsClosed() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode n = net.node();
      n.endpoint().close().block();
      InteropCommunity c = n.add(InteropCommunity::new);
      InteropCommunity fresh = new InteropCommunity(c.settings());
      assertEquals(Address.NULL, fresh.myEstimatedWan());
      assertEquals(Address.NULL, fresh.myEstimatedLan());
    }
  }
}
