package org.jipv8.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The scale run: N whole nodes on the simulated network in one JVM, on one virtual clock, each
 * knowing only a bootstrap server, walking (RandomWalk, 0.5 s) until every node has its target
 * number of peers. Reports the simulated and the wall time to converge and the heap per node.
 *
 * <p>Deterministic for a given seed (one thread: protocol, verification and delivery all run on the
 * virtual clock). {@code java -Xmx4g -cp ipv8-benchmarks/target/benchmarks.jar
 * org.jipv8.benchmarks.ScaleRun --nodes 10000}.
 */
public final class ScaleRun {
  /** Virtual time between convergence checks. */
  private static final Duration STEP = Duration.ofMillis(500);

  /**
   * The outcome.
   *
   * @param nodes how many nodes ran
   * @param target the peers every node had to find
   * @param converged whether every node reached the target within the limit
   * @param simulated virtual time until convergence (or the limit)
   * @param wall wall-clock time of the walk (node start-up excluded, see {@code startup})
   * @param startup wall-clock time to build and start the nodes
   * @param heapPerNode heap in use after a full GC, minus the heap before the nodes, per node
   * @param poorest the fewest peers any node had at the end
   * @param datagrams datagrams the simulated network carried
   */
  public record Result(
      int nodes,
      int target,
      boolean converged,
      Duration simulated,
      Duration wall,
      Duration startup,
      long heapPerNode,
      int poorest,
      long datagrams) {
    /** One line for people. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%d nodes, target %d peers: %s after %.1f s simulated, %.1f s wall (+%.1f s start-up);"
              + " heap %,d bytes per node; poorest node %d peers; %,d datagrams",
          nodes,
          target,
          converged ? "converged" : "NOT converged",
          simulated.toMillis() / 1000.0,
          wall.toMillis() / 1000.0,
          startup.toMillis() / 1000.0,
          heapPerNode,
          poorest,
          datagrams);
    }
  }

  private ScaleRun() {}

  /**
   * Runs {@code nodes} nodes until each has {@code target} peers or {@code limit} of virtual time
   * has passed. Blocking; everything is stopped before it returns.
   *
   * @param progress where a line goes every 10 simulated seconds, or null
   */
  public static Result run(int nodes, int target, long seed, Duration limit, PrintStream progress) {
    long heapBefore = usedHeapAfterGc();
    VirtualTimeScheduler clock = VirtualTimeScheduler.create(true);
    SimulatedNetwork internet =
        SimulatedNetwork.builder()
            .scheduler(clock)
            .seed(seed)
            .latency(Duration.ofMillis(20), Duration.ofMillis(10))
            .build();
    List<Ipv8> running = new ArrayList<>();
    BootstrapServer tracker = null;
    try {
      long wallStart = System.nanoTime();
      SimulatedEndpoint trackerEndpoint = internet.newEndpoint();
      tracker =
          BootstrapServer.builder()
              .endpoint(trackerEndpoint)
              .scheduler(clock)
              .random(new Random(seed))
              .build();
      tracker.start().subscribe();
      clock.advanceTime();
      BootstrapperConfig bootstrapper = bootstrapper(trackerEndpoint.localAddress());
      Ipv8Configuration config = config(target, bootstrapper);
      for (int i = 0; i < nodes; i++) {
        SimulatedEndpoint endpoint = internet.newEndpoint();
        Ipv8 node =
            Ipv8.builder()
                .configuration(config)
                .overlay(CountingCommunity.class, CountingCommunity::new)
                .endpoint(endpoint)
                .protocolScheduler(clock)
                .verifyScheduler(clock)
                .random(new Random(seed * 1_000_003L + i))
                .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
                .build();
        running.add(node);
        node.start().subscribe();
      }
      clock.advanceTime();
      long walkStart = System.nanoTime();
      Duration startup = Duration.ofNanos(walkStart - wallStart);
      long virtualStart = clock.now(java.util.concurrent.TimeUnit.MILLISECONDS);
      List<CountingCommunity> communities = new ArrayList<>();
      for (Ipv8 n : running) {
        communities.add(n.getOverlay(CountingCommunity.class));
      }
      boolean converged = false;
      long elapsed = 0;
      while (elapsed < limit.toMillis()) {
        clock.advanceTimeBy(STEP);
        elapsed = clock.now(java.util.concurrent.TimeUnit.MILLISECONDS) - virtualStart;
        int poorest = poorest(communities);
        if (progress != null && elapsed % 10_000 == 0) {
          progress.printf(
              Locale.ROOT,
              "  %5.0f s simulated, %6.1f s wall: poorest node has %d peers%n",
              elapsed / 1000.0,
              (System.nanoTime() - walkStart) / 1e9,
              poorest);
        }
        if (poorest >= target) {
          converged = true;
          break;
        }
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - walkStart);
      int poorest = poorest(communities);
      long heapPerNode = Math.max(0, (usedHeapAfterGc() - heapBefore) / nodes);
      return new Result(
          nodes,
          target,
          converged,
          Duration.ofMillis(elapsed),
          wall,
          startup,
          heapPerNode,
          poorest,
          internet.statistics().sent());
    } finally {
      running.forEach(n -> n.stop().subscribe());
      if (tracker != null) {
        tracker.stop().subscribe();
      }
      clock.advanceTimeBy(Duration.ofSeconds(1));
      clock.dispose();
    }
  }

  private static int poorest(List<CountingCommunity> communities) {
    int min = Integer.MAX_VALUE;
    for (CountingCommunity c : communities) {
      min = Math.min(min, c.getPeers().size());
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  private static BootstrapperConfig bootstrapper(Address tracker) {
    return BootstrapperConfig.of(
        "DispersyBootstrapper",
        Map.of(
            "ip_addresses",
            List.of(List.of(tracker.host(), tracker.port())),
            "bootstrap_timeout",
            5.0));
  }

  private static Ipv8Configuration config(int target, BootstrapperConfig bootstrapper) {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(SimulatedNetwork.DEFAULT_PORT)
        .setLogLevel("WARNING")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, "")
        .addOverlay(
            "CountingCommunity",
            "me",
            List.of(WalkerConfig.of("RandomWalk", target, Map.of())),
            List.of(bootstrapper),
            Map.of(),
            List.of())
        .finalizeConfig();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * {@code [--nodes N] [--target T] [--seed S] [--limit-seconds L]} (defaults 10000, 20, 1, 600).
   */
  public static void main(String[] args) {
    // Ten thousand nodes each announcing themselves at INFO would drown the report.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int nodes = 10_000;
    int target = 20;
    long seed = 1;
    long limit = 600;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[i + 1]);
        case "--target" -> target = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--limit-seconds" -> limit = Long.parseLong(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --nodes, --target, --seed or --limit-seconds (simulated)");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "scale run: %d nodes, target %d peers, max heap %,d MB%n",
        nodes,
        target,
        Runtime.getRuntime().maxMemory() >> 20);
    Result r = run(nodes, target, seed, Duration.ofSeconds(limit), System.out);
    System.out.println(r.summary());
    System.exit(r.converged() ? 0 : 1);
  }
}
