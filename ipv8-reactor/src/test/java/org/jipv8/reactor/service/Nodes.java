package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import reactor.core.publisher.Flux;

/** Configurations and waiting helpers for service tests. */
final class Nodes {
  private Nodes() {}

  /** One interop-community node on 127.0.0.1, a fresh key, RandomWalk up to {@code target}. */
  static Ipv8Configuration interop(int port, int target, List<BootstrapperConfig> bootstrappers) {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(port)
        .setPortAttempts(1, "UDPIPv4")
        .setWalkerInterval(0.1)
        .setLogLevel("INFO")
        .setWorkingDirectory(".")
        .addKey("me", KeyType.CURVE25519, "")
        .addOverlay(
            "InteropCommunity",
            "me",
            List.of(WalkerConfig.of("RandomWalk", target, Map.of("timeout", 3.0))),
            bootstrappers,
            Map.of(),
            List.of())
        .finalizeConfig();
  }

  /** A local tracker at 127.0.0.1:{@code port}, asked at most every {@code seconds}. */
  static BootstrapperConfig tracker(int port, double seconds) {
    return BootstrapperConfig.of(
        "DispersyBootstrapper",
        Map.of("ip_addresses", List.of(List.of("127.0.0.1", port)), "bootstrap_timeout", seconds));
  }

  /**
   * Polls {@code condition} every 20 ms on a timer until it holds, failing after {@code timeout}.
   * Used only where real sockets are under test (virtual-time tests advance the clock instead).
   */
  static void await(BooleanSupplier condition, Duration timeout, String what) {
    Boolean ok =
        Flux.interval(Duration.ofMillis(20))
            .map(t -> condition.getAsBoolean())
            .filter(b -> b)
            .next()
            .timeout(timeout, reactor.core.publisher.Mono.just(false))
            .block();
    if (!Boolean.TRUE.equals(ok)) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
  }
}
