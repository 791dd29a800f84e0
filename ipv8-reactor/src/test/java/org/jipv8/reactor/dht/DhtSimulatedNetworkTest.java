package org.jipv8.reactor.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Twenty whole Java nodes, each loaded from py-ipv8's default configuration's DHT entry
 * (DHTDiscoveryCommunity with RandomWalk and PingChurn; only the public bootstrappers are left
 * out), on the simulated network and one virtual clock: they store, find and connect, also with 30%
 * loss and with nodes leaving.
 */
class DhtSimulatedNetworkTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final SimulatedNetwork internet =
      SimulatedNetwork.builder()
          .scheduler(clock)
          .seed(7)
          .latency(Duration.ofMillis(20), Duration.ofMillis(10))
          .build();
  private final List<Ipv8> nodes = new ArrayList<>();
  private final List<DHTDiscoveryCommunity> dhts = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.stop().subscribe());
    clock.advanceTimeBy(Duration.ofSeconds(1));
    clock.dispose();
  }

  /** py-ipv8's default DHT overlay entry, without the public bootstrap servers. */
  static OverlayConfig defaultDhtEntry() {
    OverlayConfig entry =
        Ipv8Configuration.defaults().overlays().stream()
            .filter(o -> o.className().equals("DHTDiscoveryCommunity"))
            .findFirst()
            .orElseThrow();
    return new OverlayConfig(
        entry.className(), "me", entry.walkers(), List.of(), entry.initialize(), entry.onStart());
  }

  private DHTDiscoveryCommunity node(int i) {
    Ipv8Configuration config =
        ConfigBuilder.clean()
            .setAddress("127.0.0.1")
            .setPort(8090)
            .setLogLevel("INFO")
            .setWorkingDirectory(".")
            .setWalkerInterval(0.5)
            .addKey("me", KeyType.CURVE25519, "")
            .addOverlay(defaultDhtEntry(), false)
            .finalizeConfig();
    SimulatedEndpoint endpoint = internet.newEndpoint();
    Ipv8 node =
        Ipv8.builder()
            .configuration(config)
            .endpoint(endpoint)
            .protocolScheduler(clock)
            .verifyScheduler(clock)
            .random(new Random(500 + i))
            .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
            .build();
    nodes.add(node);
    node.start().subscribe();
    clock.advanceTime();
    assertTrue(node.isRunning(), "node " + i + " started");
    DHTDiscoveryCommunity dht = node.getOverlay(DHTDiscoveryCommunity.class);
    dhts.add(dht);
    return dht;
  }

  private void twentyNodes() {
    for (int i = 0; i < 20; i++) {
      node(i);
    }
    Address first = nodes.get(0).endpoint().localAddress();
    for (DHTDiscoveryCommunity d : dhts.subList(1, dhts.size())) {
      clock.schedule(() -> d.walkTo(first));
    }
    clock.advanceTimeBy(Duration.ofSeconds(90));
  }

  /** Subscribes, runs virtual time until it signals (at most a minute), returns the value. */
  private <T> T await(Mono<T> mono) {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    boolean[] done = {false};
    mono.subscribe(
        value::set,
        e -> {
          error.set(e);
          done[0] = true;
        },
        () -> done[0] = true);
    for (int i = 0; i < 600 && !done[0]; i++) {
      clock.advanceTimeBy(Duration.ofMillis(100));
    }
    assertTrue(done[0], "the operation finished within a minute of virtual time");
    if (error.get() != null) {
      throw new AssertionError("failed: " + error.get().getMessage(), error.get());
    }
    return value.get();
  }

  /** Tries {@code op} every 2 s (as the interop node does) until it succeeds, at most n times. */
  private <T> T retry(Supplier<Mono<T>> op, int n) {
    AssertionError last = null;
    for (int i = 0; i < n; i++) {
      try {
        T v = await(op.get());
        if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
          return v;
        }
      } catch (AssertionError e) {
        last = e;
      }
      clock.advanceTimeBy(Duration.ofSeconds(2));
    }
    throw new AssertionError("no success in " + n + " tries", last);
  }

  private static byte[] key(String label) {
    return DhtValues.sha1(label.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twentyNodesStoreFindAndConnect() {
    twentyNodes();
    for (DHTDiscoveryCommunity d : dhts) {
      assertTrue(d.getPeers().size() >= 5, "every node has DHT peers: " + d.getPeers().size());
    }
    byte[] k = key("signed");
    List<Node> stored =
        await(dhts.get(3).storeValue(k, "hello".getBytes(StandardCharsets.UTF_8), true));
    assertTrue(stored.size() >= 4, "stored on " + stored.size() + " nodes");

    List<DhtValue> found = await(dhts.get(15).findValues(k).collectList());
    assertEquals(1, found.size());
    assertEquals("hello", new String(found.get(0).data(), StandardCharsets.UTF_8));
    assertArrayEquals(dhts.get(3).myPeer().publicKeyBin(), found.get(0).signer().toBin());

    byte[] u = key("unsigned");
    await(dhts.get(4).storeValue(u, new byte[] {1, 2, 3}, false));
    List<DhtValue> plain = await(dhts.get(9).findValues(u).collectList());
    assertEquals(1, plain.size());
    assertEquals(null, plain.get(0).signer());

    // Every node announced itself within the 30 s store-peer task; find node 7 by its mid.
    Peer peer = await(dhts.get(12).connectPeer(dhts.get(7).myPeer().mid()));
    assertEquals(nodes.get(7).endpoint().localAddress(), peer.address());
    assertTrue(dhts.get(7).storingUs().size() >= 1);

    List<Node> closest = await(dhts.get(1).findNodes(k).collectList());
    assertTrue(closest.size() >= 8);
    for (int i = 1; i < closest.size(); i++) {
      assertTrue(NodeIds.compareDistance(closest.get(i - 1).id(), closest.get(i).id(), k) <= 0);
    }
  }

  @Test
  void withThirtyPercentLossAndNodesLeavingValuesAndPeersAreStillFound() {
    twentyNodes();
    internet.setConditions(internet.conditions().withLossProbability(0.3));
    byte[] k = key("lossy");
    List<Node> stored =
        retry(() -> dhts.get(2).storeValue(k, "v1".getBytes(StandardCharsets.UTF_8), true), 10);
    assertTrue(stored.size() >= 1);
    List<DhtValue> found = retry(() -> dhts.get(17).findValues(k).collectList(), 10);
    assertEquals("v1", new String(found.get(0).data(), StandardCharsets.UTF_8));

    // Five nodes leave (not the storer nor the seekers); the rest keep working.
    for (int i = 5; i < 10; i++) {
      nodes.get(i).stop().subscribe();
    }
    clock.advanceTimeBy(Duration.ofSeconds(120));
    List<DhtValue> again = retry(() -> dhts.get(18).findValues(k).collectList(), 10);
    assertEquals("v1", new String(again.get(0).data(), StandardCharsets.UTF_8));
    Peer peer = retry(() -> dhts.get(11).connectPeer(dhts.get(14).myPeer().mid()), 10);
    assertEquals(nodes.get(14).endpoint().localAddress(), peer.address());
    assertNotNull(HexFormat.of().formatHex(peer.mid()));
  }

  @Test
  void lookupsWithoutNodesFailSayingSo() {
    DHTDiscoveryCommunity lonely = node(0);
    AssertionError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () -> await(Flux.from(lonely.findValues(key("x"))).collectList()));
    assertTrue(e.getMessage().contains("no nodes in the routing table"), e.getMessage());
  }
}
