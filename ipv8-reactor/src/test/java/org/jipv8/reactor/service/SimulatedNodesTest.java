package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Whole nodes on the simulated network, all on one virtual clock: deterministic, and minutes of
 * protocol time in a fraction of a second.
 */
class SimulatedNodesTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final SimulatedNetwork internet =
      SimulatedNetwork.builder()
          .scheduler(clock)
          .seed(42)
          .latency(Duration.ofMillis(20), Duration.ofMillis(10))
          .build();
  private final List<Ipv8> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.stop().subscribe());
    clock.advanceTimeBy(Duration.ofSeconds(1));
    clock.dispose();
  }

  private static Ipv8Configuration config(
      int target, List<BootstrapperConfig> bootstrappers, Map<String, Object> initialize) {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(8090)
        .setLogLevel("INFO")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, "")
        .addOverlay(
            "InteropCommunity",
            "me",
            List.of(WalkerConfig.of("RandomWalk", target, Map.of())),
            bootstrappers,
            initialize,
            List.of())
        .finalizeConfig();
  }

  private InteropCommunity node(int i, int target, List<BootstrapperConfig> bootstrappers) {
    return node(i, target, bootstrappers, Map.of());
  }

  private InteropCommunity node(
      int i, int target, List<BootstrapperConfig> bootstrappers, Map<String, Object> initialize) {
    SimulatedEndpoint endpoint = internet.newEndpoint();
    Ipv8 node =
        Ipv8.builder()
            .configuration(config(target, bootstrappers, initialize))
            .overlay(InteropCommunity.class, InteropCommunity::new)
            .endpoint(endpoint)
            .protocolScheduler(clock)
            .verifyScheduler(clock)
            .random(new Random(1000 + i))
            .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
            .build();
    nodes.add(node);
    node.start().subscribe();
    clock.advanceTime();
    assertTrue(node.isRunning(), "node " + i + " started");
    return node.getOverlay(InteropCommunity.class);
  }

  /** Advances virtual time in walker-interval steps until every community has its target. */
  private long runUntilAllHave(List<InteropCommunity> communities, int target, Duration limit) {
    long steps = limit.toMillis() / 100;
    for (long i = 1; i <= steps; i++) {
      clock.advanceTimeBy(Duration.ofMillis(100));
      if (communities.stream().allMatch(c -> c.getPeers().size() >= target)) {
        return i * 100;
      }
    }
    int worst = communities.stream().mapToInt(c -> c.getPeers().size()).min().orElse(0);
    throw new AssertionError(
        "after "
            + limit
            + " of virtual time the poorest node has "
            + worst
            + " of "
            + target
            + " peers");
  }

  @Test
  void fiftyNodesThatKnowOnlyOneNodeAllReachTheirTarget() {
    int target = 20;
    List<InteropCommunity> communities = new ArrayList<>();
    // The one node everybody knows answers everybody (py's limit of 30 would turn away the rest);
    // the others keep py-ipv8's default limit.
    communities.add(node(0, target, List.of(), Map.of("max_peers", 100)));
    for (int i = 1; i < 50; i++) {
      communities.add(node(i, target, List.of()));
    }
    Address first = nodes.get(0).endpoint().localAddress();
    for (InteropCommunity c : communities.subList(1, communities.size())) {
      c.walkTo(first);
    }
    long millis = runUntilAllHave(communities, target, Duration.ofMinutes(5));
    assertTrue(millis > 0);
    for (InteropCommunity c : communities) {
      assertTrue(c.getPeers().size() <= c.maxPeers() + 10, "peer counts stay near max_peers");
    }
  }

  @Test
  void twentyNodesThatKnowOnlyALocalBootstrapServerFindEachOther() {
    SimulatedEndpoint trackerEndpoint = internet.newEndpoint();
    BootstrapServer tracker =
        BootstrapServer.builder()
            .endpoint(trackerEndpoint)
            .scheduler(clock)
            .random(new Random(7))
            .build();
    tracker.start().subscribe();
    clock.advanceTime();
    Address trackerAddress = trackerEndpoint.localAddress();
    BootstrapperConfig bootstrapper =
        BootstrapperConfig.of(
            "DispersyBootstrapper",
            Map.of(
                "ip_addresses",
                List.of(List.of(trackerAddress.host(), trackerAddress.port())),
                "bootstrap_timeout",
                5.0));
    List<InteropCommunity> communities = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      communities.add(node(i, 19, List.of(bootstrapper)));
    }
    runUntilAllHave(communities, 19, Duration.ofMinutes(5));
    assertEquals(20, tracker.members(InteropCommunity.ID).size());
    for (InteropCommunity c : communities) {
      assertTrue(
          c.getPeers().stream().noneMatch(p -> p.address().equals(trackerAddress)),
          "the bootstrap server is never a peer");
    }
    tracker.stop().subscribe();
  }
}
