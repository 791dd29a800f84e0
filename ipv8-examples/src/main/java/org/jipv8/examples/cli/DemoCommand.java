package org.jipv8.examples.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jipv8.examples.demo.DemoNetwork;
import org.jipv8.examples.demo.DemoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipv8 demo}: a local bootstrap server and N nodes on loopback. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local bootstrap server and N nodes on 127.0.0.1, and shows how they find each"
          + " other.",
      "The loopback-only guard is on, so nothing leaves this machine. The demo prints a progress"
          + " line and a summary table, and exits with 0 when every node found its target number"
          + " of peers in time."
    })
final class DemoCommand implements Callable<Integer> {
  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--nodes",
      defaultValue = "20",
      description = "Number of nodes, at least 2 (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Time limit in seconds, at least 1 (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the nodes' random choices (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--target",
      description = "Peers each node must find, 1..nodes-1 (default: 20, or nodes-1 if fewer).")
  Integer target;

  @Override
  public Integer call() {
    if (nodes < 2) {
      throw new IllegalArgumentException("--nodes must be at least 2, got " + nodes);
    }
    if (seconds < 1) {
      throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
    }
    int t = target != null ? target : DemoOptions.defaultTarget(nodes);
    if (t < 1 || t > nodes - 1) {
      throw new IllegalArgumentException("--target must be 1.." + (nodes - 1) + ", got " + t);
    }
    return new DemoNetwork(new DemoOptions(nodes, Duration.ofSeconds(seconds), seed, t), System.out)
        .run();
  }
}
