package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.jipv8.reactor.testing.InteropCommunity;

/**
 * A user's program, run in a JVM of its own by {@link Ipv8ReleaseTest}: one build fails (the
 * default configuration), one node and one bootstrap server start on loopback and are never
 * stopped, and main returns. The JVM must exit by itself.
 */
public final class ExitingMain {
  private ExitingMain() {}

  public static void main(String[] args) {
    try {
      Ipv8.builder().configuration(Ipv8Configuration.defaults()).loopbackOnly(true).build();
      System.out.println("unexpected: the default configuration built");
    } catch (ConfigurationException e) {
      System.out.println("build failed as expected: " + e.path());
    }
    Ipv8 node =
        Ipv8.builder()
            .loopback()
            .overlay(
                OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                    .walker(Walkers.randomWalk(1))
                    .initialize(Map.of("max_peers", 5)))
            .startNow(Duration.ofSeconds(20));
    node.onProtocolThread(() -> List.of()).block(Duration.ofSeconds(5));
    BootstrapServer tracker =
        BootstrapServer.builder()
            .endpoint(
                UdpEndpoint.builder()
                    .host(Loopback.HOST)
                    .port(0)
                    .loopbackGuard(LoopbackGuard.enabled())
                    .build())
            .build();
    tracker.start().block(Duration.ofSeconds(10));
    System.out.println("started " + node.endpoint().localAddress() + "; main returns");
  }
}
