package org.jipv8.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.config.ConfigurationLoader;
import org.jipv8.reactor.service.Ipv8;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipv8 node}: a node from a JSON or YAML configuration file, until interrupted. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node from a py-ipv8-style JSON or YAML configuration file.",
      "The overlay classes a file may name are DiscoveryCommunity, DHTCommunity,"
          + " DHTDiscoveryCommunity, ClockCommunity and InteropCommunity. While it runs, the node"
          + " prints a status line (peers per overlay, datagrams in and out, drops by reason); with -v also a line per peer found or lost;"
          + " at exit a summary table. Check a file first with: ipv8 config --check FILE."
    })
final class NodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The configuration file (.json, .yaml or .yml).")
  Path config;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description = "Stop after N seconds (at least 1). Default: run until Ctrl-C.")
  Integer seconds;

  @Override
  public Integer call() throws InterruptedException {
    if (seconds != null && seconds < 1) {
      throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
    }
    Ipv8Configuration cfg;
    try {
      cfg = ConfigurationLoader.load(config, CliOverlays.registry());
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    }
    Ipv8 node;
    try {
      node =
          CliOverlays.register(Ipv8.builder().configuration(cfg))
              .build()
              .startNow(Duration.ofSeconds(30));
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      String bind = BindErrors.describe(e, BindErrors.configuration(config.toString()));
      if (bind != null) {
        throw new IllegalArgumentException(config + ": " + bind, e);
      }
      throw e;
    }
    var out = spec.commandLine().getOut();
    List<Community> overlays =
        node.overlays().stream()
            .filter(Community.class::isInstance)
            .map(Community.class::cast)
            .toList();
    out.println(
        "node running on "
            + node.endpoint().localAddress()
            + " with "
            + overlays.stream().map(o -> o.getClass().getSimpleName()).toList()
            + (seconds == null ? " (Ctrl-C stops it)" : " for " + seconds + " s"));
    out.flush();
    NodeMonitor monitor =
        new NodeMonitor(overlays, node.endpoint().statistics(), log.verbosity > 0);
    LiveStatus status = new LiveStatus(monitor, out, log.quiet, System.console() != null);
    Interruption.runUntilStopped(
        stopped -> status.run(stopped, seconds == null ? null : Duration.ofSeconds(seconds)),
        () -> node.stopNow(Duration.ofSeconds(10)));
    return 0;
  }
}
