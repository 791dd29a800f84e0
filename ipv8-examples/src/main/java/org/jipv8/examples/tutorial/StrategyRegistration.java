package org.jipv8.examples.tutorial;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Loopback;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.Walker;

/** The ways to register a custom discovery strategy: py-ipv8's three, and one in code. */
public final class StrategyRegistration {
  private StrategyRegistration() {}

  // tag::code[]
  /** In code: the overlay's definition names the strategy's constructor and its target. */
  public static Ipv8 inCode() {
    return Ipv8.builder()
        .loopback()
        .overlay(
            OverlayDefinition.of(ClockCommunity.class, ClockCommunity::new)
                .walker(Walker.of(AskRandomPeer::new, -1)))
        .startNow(Duration.ofSeconds(10));
  }

  // end::code[]

  // tag::runtime[]
  /** 1. On a running node, with a target of -1: the strategy is always called. */
  public static Ipv8 atRuntime() {
    Ipv8 node =
        Ipv8.builder()
            .loopback()
            .overlay(OverlayDefinition.of(ClockCommunity.class, ClockCommunity::new))
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
        Loopback.configurationBuilder(port)
            .addOverlay(
                "ClockCommunity",
                Loopback.KEY_ALIAS,
                List.of(WalkerConfig.of("AskRandomPeer", -1, Map.of())),
                List.of(),
                Map.of(),
                List.of(List.of("startTalking")))
            .finalizeConfig();
    return Ipv8.builder()
        .configuration(config)
        .overlay(ClockCommunity.class, ClockCommunity::new)
        .loopbackOnly(true)
        .startNow(Duration.ofSeconds(10));
  }

  // end::configuration[]

  // tag::launcher[]
  /** 3. Through a launcher: the annotations name the overlay and its strategy. */
  public static Ipv8 throughLauncher() {
    return Ipv8.builder()
        .loopback()
        .overlay(ClockCommunity.class, ClockCommunity::new)
        .launcher(new ClockLauncher())
        .startNow(Duration.ofSeconds(10));
  }
  // end::launcher[]
}
