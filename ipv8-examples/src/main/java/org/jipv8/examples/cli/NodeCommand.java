package org.jipv8.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.examples.interop.InteropCommunity;
import org.jipv8.examples.tutorial.ClockCommunity;
import org.jipv8.reactor.config.ConfigurationLoader;
import org.jipv8.reactor.service.Ipv8;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipv8 node}: a node from a JSON or YAML configuration file, until interrupted. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node from a py-ipv8-style JSON or YAML configuration. Overlay classes:",
      "DiscoveryCommunity, ClockCommunity, InteropCommunity."
    })
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "configuration file (.json, .yaml)")
  Path config;

  @Option(
      names = "--seconds",
      description = "stop after this many seconds (default: run until Ctrl-C)")
  Integer seconds;

  @Override
  public Integer call() throws InterruptedException {
    Ipv8Configuration cfg;
    try {
      cfg = ConfigurationLoader.load(config);
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    }
    Ipv8 node;
    try {
      node =
          Ipv8.builder()
              .configuration(cfg)
              .overlay(ClockCommunity.class, ClockCommunity::new)
              .overlay(InteropCommunity.class, InteropCommunity::new)
              .build()
              .startNow(Duration.ofSeconds(30));
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(config + ": " + e.getMessage(), e);
    }
    System.err.println(
        "node running on " + node.endpoint().localAddress() + " with " + node.overlays());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.stopNow(Duration.ofSeconds(5));
                  stopped.countDown();
                }));
    if (seconds != null) {
      stopped.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
      node.stopNow(Duration.ofSeconds(10));
    } else {
      stopped.await();
    }
    return 0;
  }
}
