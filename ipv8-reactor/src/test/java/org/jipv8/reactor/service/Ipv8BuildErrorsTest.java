package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.Test;

/** Names in a configuration that the node cannot resolve fail at build time, naming the path. */
class Ipv8BuildErrorsTest {

  private static ConfigBuilder base() {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(0)
        .setLogLevel("INFO")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, "");
  }

  private static ConfigurationException buildFails(Ipv8Configuration cfg) {
    return assertThrows(
        ConfigurationException.class,
        () ->
            Ipv8.builder()
                .configuration(cfg)
                .overlay(InteropCommunity.class, InteropCommunity::new)
                .loopbackOnly(true)
                .build());
  }

  @Test
  void anUnknownOverlayClassNamesItsPathAndTheKnownClasses() {
    ConfigurationException e =
        buildFails(
            base()
                .addOverlay("NoSuchCommunity", "me", List.of(), List.of(), Map.of(), List.of())
                .finalizeConfig());
    assertEquals("overlays[0].class", e.path());
    assertTrue(
        e.getMessage().contains("InteropCommunity")
            && e.getMessage().contains("DiscoveryCommunity"),
        e.getMessage());
  }

  @Test
  void anUnknownStrategyNamesItsPathAndWhatTheOverlayOffers() {
    ConfigurationException e =
        buildFails(
            base()
                .addOverlay(
                    "DiscoveryCommunity",
                    "me",
                    List.of(
                        WalkerConfig.of("RandomWalk", 20, Map.of()),
                        WalkerConfig.of("RandomWalks", 20, Map.of())),
                    List.of(),
                    Map.of(),
                    List.of())
                .finalizeConfig());
    assertEquals("overlays[0].walkers[1].strategy", e.path());
    assertTrue(e.getMessage().contains("RandomChurn"), e.getMessage());
  }

  @Test
  void aStrategyArgumentThatDoesNotExistNamesTheInitPath() {
    // Built-in strategies' arguments are checked when the entry is made, before any build.
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> WalkerConfig.of("RandomWalk", 20, Map.of("timeuot", 3.0)));
    assertEquals("init.timeuot", e.path());
    assertTrue(e.getMessage().contains("did you mean 'timeout'?"), e.getMessage());
  }

  @Test
  void aBootstrapperArgumentThatDoesNotExistNamesTheInitPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> BootstrapperConfig.of("DispersyBootstrapper", Map.of("ip_adresses", List.of())));
    assertEquals("init.ip_adresses", e.path());
    assertTrue(e.getMessage().contains("did you mean 'ip_addresses'?"), e.getMessage());
  }

  @Test
  void anOnStartMethodThatDoesNotExistFailsAtBuildTime() {
    ConfigurationException e =
        buildFails(
            base()
                .addOverlay(
                    "InteropCommunity",
                    "me",
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(List.of("noSuchMethod", 1)))
                .finalizeConfig());
    assertEquals("overlays[0].on_start[0]", e.path());
  }

  @Test
  void aBadMaxPeersSettingNamesTheInitializePath() {
    ConfigurationException e =
        buildFails(
            base()
                .addOverlay(
                    "InteropCommunity",
                    "me",
                    List.of(),
                    List.of(),
                    Map.of("max_peers", "many"),
                    List.of())
                .finalizeConfig());
    assertEquals("overlays[0].initialize", e.path());
  }
}
