package org.jipv8.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.Loopback;

/**
 * The idle cost of a node: a child JVM runs a local tracker and N other nodes on 127.0.0.1; this
 * JVM runs the measured node, waits until it has N peers, then reports the CPU time this whole
 * process used over the next {@code --seconds} (default 60), as a share of one core.
 *
 * <p>{@code java -cp ipv8-benchmarks/target/benchmarks.jar org.jipv8.benchmarks.IdleRun [--peers
 * 20] [--seconds 60]}
 */
public final class IdleRun {
  private IdleRun() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("jipv8.loopbackOnly", "true");
    int peers = 20;
    long seconds = 60;
    boolean host = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--peers" -> peers = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Long.parseLong(args[++i]);
        case "--host-peers" -> host = true;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --peers N or --seconds S");
      }
    }
    if (host) {
      hostPeers(peers);
    } else {
      measure(peers, seconds);
    }
  }

  /** The child: a tracker and {@code peers} nodes until stdin closes. */
  private static void hostPeers(int peers) throws IOException {
    LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10));
    List<Ipv8> nodes = new ArrayList<>();
    for (int i = 0; i < peers; i++) {
      nodes.add(node(tracker.address().port(), peers));
    }
    System.out.println("TRACKER " + tracker.address().port());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Runs until the parent closes our stdin.
    }
    nodes.forEach(n -> n.stopNow(Duration.ofSeconds(5)));
    tracker.close();
    System.exit(0);
  }

  private static Ipv8 node(int trackerPort, int target) {
    Ipv8Configuration config =
        Loopback.configurationBuilder(0)
            .addOverlay(
                "CountingCommunity",
                Loopback.KEY_ALIAS,
                List.of(Loopback.randomWalk(target)),
                List.of(Loopback.tracker(trackerPort)),
                java.util.Map.of(),
                List.of())
            .finalizeConfig();
    Ipv8 node =
        Ipv8.builder()
            .configuration(config)
            .overlay(CountingCommunity.class, CountingCommunity::new)
            .loopbackOnly(true)
            .build();
    node.startNow(Duration.ofSeconds(10));
    return node;
  }

  private static void measure(int peers, long seconds) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djipv8.loopbackOnly=true",
                IdleRun.class.getName(),
                "--host-peers",
                "--peers",
                Integer.toString(peers))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("TRACKER ")) {
        throw new IllegalStateException("the peer process did not start: " + line);
      }
      int port = Integer.parseInt(line.substring(8).strip());
      Ipv8 node = node(port, peers);
      CountingCommunity community = node.getOverlay(CountingCommunity.class);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (community.getPeers().size() < peers && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      System.out.printf(
          Locale.ROOT,
          "measured node has %d peers; measuring %d s%n",
          community.getPeers().size(),
          seconds);
      double cpu0 = processCpuSeconds();
      double childCpu0 = childCpu(child);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = processCpuSeconds() - cpu0;
      double childCpu = childCpu(child) - childCpu0;
      System.out.printf(
          Locale.ROOT,
          "idle node with %d peers: %.2f CPU s in %.0f s = %.2f%% of one core (whole JVM: node,"
              + " JIT, GC); peers at the end: %d; the %d peers and the tracker (one JVM): %.2f%%"
              + " of one core, %.3f%% per node%n",
          peers,
          cpu,
          wall,
          100 * cpu / wall,
          community.getPeers().size(),
          peers,
          100 * childCpu / wall,
          100 * childCpu / wall / (peers + 1));
      node.stopNow(Duration.ofSeconds(5));
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    System.exit(0);
  }

  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double childCpu(Process child) {
    return child.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
  }
}
