package org.jipv8.examples.tutorial;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.examples.LocalNode;
import org.jipv8.reactor.service.Ipv8;

/** The three ways to register a custom discovery strategy, as in py-ipv8's tutorial. */
public final class StrategyRegistration {
  private StrategyRegistration() {}

  // tag::runtime[]
  /** 1. On a running node, with a target of -1: the strategy is always called. */
  public static Ipv8 atRuntime(int port) {
    Ipv8 node =
        Ipv8.builder()
            .configuration(
                LocalNode.config(port)
                    .addOverlay("ClockCommunity", "me", List.of(), List.of(), Map.of(), List.of())
                    .finalizeConfig())
            .overlay(ClockCommunity.class, ClockCommunity::new)
            .loopbackOnly(true)
            .build()
            .startNow(Duration.ofSeconds(10));
    ClockCommunity community = node.getOverlay(ClockCommunity.class);
    node.addStrategy(community, new AskRandomPeer(community), -1);
    return node;
  }

  // end::runtime[]

  // tag::configuration[]
  /** 2. Through the configuration, by the name the community offers in availableStrategies(). */
  public static Ipv8 throughConfiguration(int port) {
    Ipv8Configuration config =
        LocalNode.config(port)
            .addOverlay(
                "ClockCommunity",
                "me",
                List.of(WalkerConfig.of("AskRandomPeer", -1, Map.of())),
                List.of(),
                Map.of(),
                List.of(List.of("startTalking")))
            .finalizeConfig();
    return Ipv8.builder()
        .configuration(config)
        .overlay(ClockCommunity.class, ClockCommunity::new)
        .loopbackOnly(true)
        .build()
        .startNow(Duration.ofSeconds(10));
  }

  // end::configuration[]

  // tag::launcher[]
  /** 3. Through a launcher: the annotations name the overlay and its strategy. */
  public static Ipv8 throughLauncher(int port) {
    return Ipv8.builder()
        .configuration(LocalNode.config(port).clearOverlays().finalizeConfig())
        .overlay(ClockCommunity.class, ClockCommunity::new)
        .launcher(new ClockLauncher())
        .loopbackOnly(true)
        .build()
        .startNow(Duration.ofSeconds(10));
  }
  // end::launcher[]
}
