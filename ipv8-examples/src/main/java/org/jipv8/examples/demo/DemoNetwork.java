package org.jipv8.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.examples.tutorial.ClockCommunity;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Loopback;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The local demo network: a bootstrap server and N nodes on 127.0.0.1 in one process, each in the
 * tutorial's ClockCommunity and the DiscoveryCommunity, all with the loopback-only guard on. Shows
 * live progress, then a table; succeeds when every node found its target number of peers in time.
 */
public final class DemoNetwork {
  private final DemoOptions options;
  private final PrintStream out;

  public DemoNetwork(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the demo; returns the exit code (0: every node reached its target in time). */
  public int run() {
    Scheduler verify =
        Schedulers.newParallel(
            "demo-verify", Math.max(2, Runtime.getRuntime().availableProcessors()));
    BootstrapServer tracker =
        BootstrapServer.builder()
            .endpoint(
                UdpEndpoint.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .loopbackGuard(LoopbackGuard.enabled())
                    .build())
            .random(new Random(options.seed()))
            .build();
    List<Ipv8> nodes = new ArrayList<>();
    try {
      tracker.start().block(Duration.ofSeconds(10));
      int trackerPort = tracker.address().port();
      Random seeds = new Random(options.seed());
      for (int i = 0; i < options.nodes(); i++) {
        Ipv8Configuration cfg =
            Loopback.configurationBuilder(0)
                .addOverlay(
                    "DiscoveryCommunity",
                    "me",
                    List.of(Loopback.randomWalk(options.target())),
                    List.of(Loopback.tracker(trackerPort)),
                    Map.of(),
                    List.of())
                .addOverlay(
                    "ClockCommunity",
                    "me",
                    List.of(Loopback.randomWalk(options.target())),
                    List.of(Loopback.tracker(trackerPort)),
                    Map.of(),
                    List.of(List.of("startTalking")))
                .finalizeConfig();
        nodes.add(
            Ipv8.builder()
                .configuration(cfg)
                .overlay(ClockCommunity.class, ClockCommunity::new)
                .verifyScheduler(verify)
                .random(new Random(seeds.nextLong()))
                .loopbackOnly(true)
                .build());
      }
      out.printf(
          "jipv8 demo: %d nodes on 127.0.0.1, bootstrap server on port %d, target %s per node,"
              + " limit %d s%n",
          options.nodes(),
          trackerPort,
          DemoReport.peers(options.target()),
          options.limit().toSeconds());
      long start = System.nanoTime();
      for (Ipv8 n : nodes) {
        n.startNow(Duration.ofSeconds(10));
      }
      return watch(nodes, start);
    } finally {
      for (Ipv8 n : nodes) {
        n.stopNow(Duration.ofSeconds(10));
      }
      tracker.stop().block(Duration.ofSeconds(10));
      verify.dispose();
    }
  }

  private int watch(List<Ipv8> nodes, long start) {
    int n = nodes.size();
    long[] firstPeer = new long[n];
    long[] atTarget = new long[n];
    java.util.Arrays.fill(firstPeer, -1);
    java.util.Arrays.fill(atTarget, -1);
    boolean tty = System.console() != null;
    long lastPrint = 0;
    long lastMessages = 0;
    long lastDrops = 0;
    List<NodeSnapshot> snapshot = List.of();
    while (true) {
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      snapshot = snapshot(nodes, elapsed, firstPeer, atTarget);
      boolean done = snapshot.stream().allMatch(NodeSnapshot::reachedTarget);
      boolean late = elapsed > options.limit().toMillis();
      if (elapsed - lastPrint >= 1000 || done || late) {
        long messages = snapshot.stream().mapToLong(s -> s.sent()).sum();
        long drops = snapshot.stream().mapToLong(NodeSnapshot::drops).sum();
        double dt = Math.max(0.001, (elapsed - lastPrint) / 1000.0);
        String line =
            DemoReport.progress(
                snapshot,
                options.target(),
                elapsed / 1000.0,
                (messages - lastMessages) / dt,
                (drops - lastDrops) / dt);
        out.print(tty ? "\r" + line : line + System.lineSeparator());
        out.flush();
        lastPrint = elapsed;
        lastMessages = messages;
        lastDrops = drops;
      }
      if (done || late) {
        break;
      }
      Mono.delay(Duration.ofMillis(100)).block();
    }
    if (tty) {
      out.println();
    }
    out.print(
        DemoReport.table(
            snapshot,
            options.target(),
            options.limit().toSeconds(),
            dropsByReason(nodes),
            DemoReport.DEFAULT_MAX_PEERS));
    out.flush();
    return DemoReport.exitCode(snapshot);
  }

  private static java.util.Map<org.jipv8.api.messaging.DropReason, Long> dropsByReason(
      List<Ipv8> nodes) {
    java.util.Map<org.jipv8.api.messaging.DropReason, Long> all =
        new java.util.EnumMap<>(org.jipv8.api.messaging.DropReason.class);
    for (Ipv8 node : nodes) {
      node.endpoint().statistics().drops().forEach((r, n) -> all.merge(r, n, Long::sum));
      node.getOverlay(ClockCommunity.class)
          .statistics()
          .drops()
          .forEach((r, n) -> all.merge(r, n, Long::sum));
      node.getOverlay(DiscoveryCommunity.class)
          .statistics()
          .drops()
          .forEach((r, n) -> all.merge(r, n, Long::sum));
    }
    return all;
  }

  private List<NodeSnapshot> snapshot(
      List<Ipv8> nodes, long elapsed, long[] firstPeer, long[] atTarget) {
    List<NodeSnapshot> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Ipv8 node = nodes.get(i);
      ClockCommunity clock = node.getOverlay(ClockCommunity.class);
      DiscoveryCommunity discovery = node.getOverlay(DiscoveryCommunity.class);
      int peers = clock.getPeers().size();
      if (peers > 0 && firstPeer[i] < 0) {
        firstPeer[i] = elapsed;
      }
      if (peers >= options.target() && atTarget[i] < 0) {
        atTarget[i] = elapsed;
      }
      long drops =
          node.endpoint().statistics().totalDrops()
              + clock.statistics().totalDrops()
              + discovery.statistics().totalDrops();
      out.add(
          new NodeSnapshot(
              String.format("node-%02d", i + 1),
              node.endpoint().localAddress().toString(),
              peers,
              firstPeer[i],
              atTarget[i],
              node.endpoint().statistics().packetsSent(),
              node.endpoint().statistics().packetsReceived(),
              drops));
    }
    return out;
  }
}
