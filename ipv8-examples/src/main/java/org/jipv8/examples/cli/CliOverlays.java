package org.jipv8.examples.cli;

import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperName;
import org.jipv8.api.config.NameRegistry;
import org.jipv8.examples.interop.InteropCommunity;
import org.jipv8.examples.tutorial.ClockCommunity;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.service.Ipv8Builder;

/**
 * The overlays a configuration file may name on this command line, in one place: {@code node}
 * registers them and {@code config --check} checks names against them.
 */
final class CliOverlays {
  private CliOverlays() {}

  /** The overlay class names, for help texts. */
  static final List<String> NAMES =
      List.of(
          "DiscoveryCommunity",
          "DHTCommunity",
          "DHTDiscoveryCommunity",
          "ClockCommunity",
          "InteropCommunity");

  /** Registers the overlays the engine does not build in. */
  static Ipv8Builder register(Ipv8Builder builder) {
    return builder
        .overlay(ClockCommunity.class, ClockCommunity::new)
        .overlay(InteropCommunity.class, InteropCommunity::new);
  }

  /** The names a file may use here: overlays, their strategies, the bootstrappers. */
  static NameRegistry registry() {
    return NameRegistry.of(
        Map.of(
            "DiscoveryCommunity", List.copyOf(BuiltinStrategies.discoveryCommunity().keySet()),
            "DHTCommunity", List.of(BuiltinStrategies.PING_CHURN),
            "DHTDiscoveryCommunity", List.of(BuiltinStrategies.PING_CHURN),
            "ClockCommunity", List.of("AskRandomPeer"),
            "InteropCommunity", List.of()),
        List.of(
            BootstrapperName.DISPERSY_BOOTSTRAPPER.configName(),
            BootstrapperName.UDP_BROADCAST_BOOTSTRAPPER.configName()));
  }
}
