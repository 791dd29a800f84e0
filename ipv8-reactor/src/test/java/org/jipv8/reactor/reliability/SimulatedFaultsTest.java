package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.sim.LinkConditions;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Whole nodes on the simulated network under faults, all on one virtual clock (deterministic):
 * convergence under loss, duplication and reordering compared with the loss-free time; churn (a
 * third of the nodes stop, are dropped, and come back with the same keys); a bootstrap server that
 * is down at first.
 */
class SimulatedFaultsTest {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final Duration JITTER = Duration.ofMillis(10);
  private static final Duration STEP = Duration.ofMillis(100);

  @TempDir Path keys;

  /** One simulated world: clock, network, tracker, nodes. */
  private final class World implements AutoCloseable {
    final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    final SimulatedNetwork internet;
    final List<Ipv8> nodes = new ArrayList<>();
    final Address trackerAddress = Address.ipv4("127.0.200.1", 8090);
    BootstrapServer tracker;
    int created;

    World(LinkConditions conditions, long seed) {
      internet =
          SimulatedNetwork.builder().scheduler(clock).seed(seed).conditions(conditions).build();
    }

    void startTracker() {
      SimulatedEndpoint e = internet.newEndpoint(trackerAddress);
      tracker =
          BootstrapServer.builder().endpoint(e).scheduler(clock).random(new Random(7)).build();
      tracker.start().subscribe();
      clock.advanceTime();
    }

    Map<String, Object> walkArgs = Map.of();
    double bootstrapTimeout = 5.0;

    Ipv8Configuration config(String keyFile, int target, boolean churn) {
      BootstrapperConfig bootstrapper =
          BootstrapperConfig.of(
              "DispersyBootstrapper",
              Map.of(
                  "ip_addresses",
                  List.of(List.of(trackerAddress.host(), trackerAddress.port())),
                  "bootstrap_timeout",
                  bootstrapTimeout));
      List<WalkerConfig> walkers = new ArrayList<>();
      walkers.add(WalkerConfig.of("RandomWalk", target, walkArgs));
      if (churn) {
        walkers.add(WalkerConfig.of("RandomChurn", -1, Map.of()));
      }
      return ConfigBuilder.clean()
          .setAddress("127.0.0.1")
          .setPort(8090)
          .setLogLevel("INFO")
          .setWorkingDirectory(".")
          .setWalkerInterval(0.5)
          .addKey("me", KeyType.CURVE25519, keyFile)
          .addOverlay(
              churn ? "DiscoveryCommunity" : "InteropCommunity",
              "me",
              walkers,
              List.of(bootstrapper),
              Map.of(),
              List.of())
          .finalizeConfig();
    }

    Ipv8 start(Ipv8Configuration config) {
      SimulatedEndpoint endpoint = internet.newEndpoint();
      Ipv8 node =
          Ipv8.builder()
              .configuration(config)
              .overlay(InteropCommunity.class, InteropCommunity::new)
              .endpoint(endpoint)
              .protocolScheduler(clock)
              .verifyScheduler(clock)
              .random(new Random(1000 + created++))
              .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
              .build();
      nodes.add(node);
      node.start().subscribe();
      clock.advanceTime();
      assertTrue(node.isRunning(), "node started");
      return node;
    }

    /** Steps virtual time until {@code done}; returns the virtual millis it took. */
    long runUntil(Predicate<World> done, Duration limit, String what) {
      long start = clock.now(java.util.concurrent.TimeUnit.MILLISECONDS);
      long steps = limit.toMillis() / STEP.toMillis();
      for (long i = 1; i <= steps; i++) {
        clock.advanceTimeBy(STEP);
        if (done.test(this)) {
          return clock.now(java.util.concurrent.TimeUnit.MILLISECONDS) - start;
        }
      }
      throw new AssertionError("not reached within " + limit + " of virtual time: " + what);
    }

    @Override
    public void close() {
      nodes.forEach(n -> n.stop().subscribe());
      if (tracker != null) {
        tracker.stop().subscribe();
      }
      clock.advanceTimeBy(Duration.ofSeconds(1));
      clock.dispose();
    }
  }

  private static Community community(Ipv8 node) {
    List<Community> all = node.getOverlays(Community.class);
    return all.get(0);
  }

  private static boolean allHave(List<Ipv8> nodes, int target) {
    return nodes.stream().allMatch(n -> community(n).getPeers().size() >= target);
  }

  /** Virtual millis until 50 nodes bootstrapped by one local tracker all have 20 peers. */
  private long convergence(LinkConditions conditions) {
    return convergence(conditions, Map.of(), 42);
  }

  private long convergence(LinkConditions conditions, Map<String, Object> walkArgs, long seed) {
    try (World w = new World(conditions, seed)) {
      w.walkArgs = new java.util.HashMap<>(walkArgs);
      Object bt = w.walkArgs.remove("bt");
      if (bt != null) {
        w.bootstrapTimeout = (Double) bt;
      }
      w.startTracker();
      for (int i = 0; i < 50; i++) {
        w.start(w.config("", 20, false));
      }
      return w.runUntil(
          x -> allHave(x.nodes, 20), Duration.ofMinutes(10), "50 nodes with 20 peers each");
    }
  }

  @Test
  void fiftyNodesConvergeUnderLossDuplicationAndReorderingWithinTwiceTheLossFreeTime() {
    LinkConditions base = LinkConditions.PERFECT.withLatency(LATENCY, JITTER);
    long clean = convergence(base);
    long loss = convergence(base.withLossProbability(0.3));
    long dup = convergence(base.withDuplicationProbability(0.3));
    long reorder = convergence(base.withReordering(0.3, Duration.ofMillis(300)));
    System.out.printf(
        "convergence of 50 nodes to 20 peers (virtual ms): loss-free %d, 30%% loss %d (%.2fx),"
            + " 30%% duplication %d (%.2fx), 30%% reordering %d (%.2fx)%n",
        clean,
        loss,
        loss / (double) clean,
        dup,
        dup / (double) clean,
        reorder,
        reorder / (double) clean);
    // Under loss the walk needs the introduction hardening's retries (3, 500 ms apart): without
    // them a lost request or response costs a whole walk step and the bootstrap round, and 30%
    // loss took 8.2x the loss-free time (issue 9 saw 2.2-5.5x with 20 nodes).
    assertTrue(loss <= 2 * clean, "30% loss took " + loss + " ms vs " + clean + " loss-free");
    assertTrue(dup <= 2 * clean, "duplication took " + dup + " ms vs " + clean);
    assertTrue(reorder <= 2 * clean, "reordering took " + reorder + " ms vs " + clean);
  }

  @Test
  void churnedNodesAreDroppedWithinTheDropTimeAndRecognisedByKeyWhenTheyReturn() {
    try (World w = new World(LinkConditions.PERFECT.withLatency(LATENCY, JITTER), 5)) {
      w.startTracker();
      List<Ipv8Configuration> configs = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Ipv8Configuration c = w.config(keys.resolve("node" + i + ".pem").toString(), 10, true);
        configs.add(c);
        w.start(c);
      }
      w.runUntil(x -> allHave(x.nodes, 10), Duration.ofMinutes(5), "30 nodes with 10 peers");

      List<Ipv8> stopped = new ArrayList<>(w.nodes.subList(0, 10));
      List<Ipv8> alive = new ArrayList<>(w.nodes.subList(10, 30));
      Set<PublicKey> stoppedKeys = new HashSet<>();
      for (Ipv8 n : stopped) {
        stoppedKeys.add(community(n).myPeer().publicKey());
        n.stop().subscribe();
      }
      w.nodes.removeAll(stopped);
      w.clock.advanceTime();
      Predicate<World> forgotten =
          x ->
              alive.stream()
                  .allMatch(
                      n ->
                          community(n).getPeers().stream()
                              .map(Peer::publicKey)
                              .noneMatch(stoppedKeys::contains));
      long dropped = w.runUntil(forgotten, Duration.ofMinutes(3), "stopped peers dropped");
      System.out.printf(
          "churn: 10 of 30 stopped nodes dropped by all others after %d ms%n", dropped);
      // RandomChurn drops a peer silent for drop_time (57.5 s); it looks at samples of 8 peers per
      // step, so allow one ping interval (10 s) on top.
      assertTrue(dropped <= 57_500 + 10_000, "dropped after " + dropped + " ms");

      List<Ipv8> returned = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        returned.add(w.start(configs.get(i)));
      }
      for (Ipv8 r : returned) {
        assertTrue(stoppedKeys.contains(community(r).myPeer().publicKey()), "same key file");
      }
      long back =
          w.runUntil(
              x ->
                  stoppedKeys.stream()
                      .allMatch(
                          k ->
                              alive.stream()
                                  .anyMatch(
                                      n ->
                                          community(n).getPeers().stream()
                                              .anyMatch(p -> p.publicKey().equals(k)))),
              Duration.ofMinutes(3),
              "returned nodes recognised");
      System.out.printf("churn: all 10 returned nodes known again by key after %d ms%n", back);
      assertTrue(allHave(returned, 1));
    }
  }

  @Test
  void aNodeWhoseBootstrapServerIsDownRetriesCalmlyAndFindsPeersOnceItIsUp() {
    try (World w = new World(LinkConditions.PERFECT.withLatency(LATENCY, JITTER), 3)) {
      Ipv8 a = w.start(w.config("", 5, false));
      Ipv8 b = w.start(w.config("", 5, false));
      w.clock.advanceTimeBy(Duration.ofSeconds(60));
      long sentA = a.endpoint().statistics().packetsSent();
      System.out.printf("bootstrap server down: node sent %d datagrams in 60 s%n", sentA);
      assertTrue(sentA >= 10, "keeps retrying: " + sentA + " datagrams in 60 s");
      // One walker step every 0.5 s and one request per bootstrap address per step at most.
      assertTrue(sentA <= 2 * 120, "no busy loop: " + sentA + " datagrams in 60 s");
      assertEquals(0, community(a).getPeers().size());

      w.startTracker();
      long found =
          w.runUntil(
              x -> !community(a).getPeers().isEmpty() && !community(b).getPeers().isEmpty(),
              Duration.ofMinutes(2),
              "peers after the tracker came up");
      System.out.printf("bootstrap server up: peers found %d ms later%n", found);
    }
  }
}
