package org.jipv8.api.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationValidatorTest {

  /** The names py-ipv8 3.1 offers, as the engine would report them. */
  static final NameRegistry PY_NAMES =
      NameRegistry.of(
              Map.of(
                  "DiscoveryCommunity", List.of("RandomChurn", "PeriodicSimilarity"),
                  "HiddenTunnelCommunity", List.of(),
                  "DHTDiscoveryCommunity", List.of("PingChurn")),
              List.of("DispersyBootstrapper", "UDPBroadcastBootstrapper"))
          .withInitializeKeys(
              "HiddenTunnelCommunity",
              List.of(
                  "min_circuits",
                  "max_circuits",
                  "max_joined_circuits",
                  "max_time",
                  "max_time_inactive",
                  "max_traffic",
                  "dht_lookup_interval"));

  @Test
  void defaultsUseOnlyKnownNames() {
    assertDoesNotThrow(
        () -> ConfigurationValidator.validateNames(Ipv8Configuration.defaults(), PY_NAMES));
  }

  @Test
  void unknownOverlayClassNamesItsPathAndTheRegisteredOverlays() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay("MyCommunity", "anonymous id", List.of(), List.of(), Map.of(), List.of())
            .finalizeConfig();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));

    assertEquals("overlays[3].class", e.path());
    assertTrue(
        e.getMessage()
            .contains("accepted: DHTDiscoveryCommunity, DiscoveryCommunity, HiddenTunnelCommunity"),
        e.getMessage());
  }

  @Test
  void unknownStrategyNamesItsPathAndTheOverlaysStrategies() {
    Ipv8Configuration cfg =
        withDiscoveryWalkers(
            WalkerConfig.of("RandomWalk", 20, Map.of()),
            WalkerConfig.of("RandomChurn", -1, Map.of()),
            WalkerConfig.of("RandomWalc", -1, Map.of()));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));

    assertEquals("overlays[2].walkers[2].strategy", e.path());
    assertTrue(
        e.getMessage().contains("accepted: EdgeWalk, PeriodicSimilarity, RandomChurn, RandomWalk"),
        e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'RandomWalk'"), e.getMessage());
  }

  @Test
  void strategyOfAnotherOverlayIsRefused() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay(
                "HiddenTunnelCommunity",
                "anonymous id",
                List.of(WalkerConfig.of(StrategyName.RANDOM_CHURN, -1, Map.of())),
                List.of(),
                Map.of(),
                List.of())
            .finalizeConfig();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));

    assertEquals("overlays[2].walkers[0].strategy", e.path());
    assertTrue(e.getMessage().contains("accepted: EdgeWalk, RandomWalk"), e.getMessage());
  }

  @Test
  void builtInStrategiesAreAcceptedForEveryOverlay() {
    Ipv8Configuration cfg =
        withDiscoveryWalkers(
            WalkerConfig.of(StrategyName.EDGE_WALK, 20, Map.of()),
            WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of()));

    assertDoesNotThrow(() -> ConfigurationValidator.validateNames(cfg, PY_NAMES));
  }

  @Test
  void unknownBootstrapperIsAnErrorUnlikePyIpv8() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay(
                "DiscoveryCommunity",
                "anonymous id",
                List.of(),
                List.of(
                    BootstrapperConfig.dispersyDefault(),
                    BootstrapperConfig.of("Tracker", Map.of())),
                Map.of(),
                List.of())
            .finalizeConfig();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));

    assertEquals("overlays[2].bootstrappers[1].class", e.path());
    assertTrue(
        e.getMessage().contains("accepted: DispersyBootstrapper, UDPBroadcastBootstrapper"),
        e.getMessage());
  }

  @Test
  void registryOfStrategiesAlwaysIncludesTheBuiltIns() {
    NameRegistry registry = NameRegistry.of(Map.of("C", Set.of("Own")), Set.of());

    assertEquals(Set.of("RandomWalk", "EdgeWalk", "Own"), registry.strategiesFor("C"));
  }

  private static Ipv8Configuration withDiscoveryWalkers(WalkerConfig... walkers) {
    return ConfigBuilder.fromDefaults()
        .addOverlay(
            "DiscoveryCommunity", "anonymous id", List.of(walkers), List.of(), Map.of(), List.of())
        .finalizeConfig();
  }

  @Test
  void unknownInitializeKeyNamesTheNearestSetting() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .clearOverlays()
            .addOverlay(
                "DiscoveryCommunity",
                "anonymous id",
                List.of(),
                List.of(),
                Map.of("max_peer", 10),
                List.of())
            .finalizeConfig();
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));
    assertEquals("overlays[0].initialize.max_peer", e.path());
    assertTrue(e.getMessage().contains("did you mean 'max_peers'?"), e.getMessage());
  }

  @Test
  void everyUnknownNameIsReportedAtOnce() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .clearOverlays()
            .addOverlay(
                "DiscoveryCommunity",
                "anonymous id",
                List.of(WalkerConfig.of("RandomWalks", 20, Map.of())),
                List.of(BootstrapperConfig.of("Dispersy", Map.of())),
                Map.of("maxpeers", 10),
                List.of())
            .finalizeConfig();
    List<ConfigurationException> problems = ConfigurationValidator.problems(cfg, PY_NAMES);
    assertEquals(
        List.of(
            "overlays[0].walkers[0].strategy",
            "overlays[0].bootstrappers[0].class",
            "overlays[0].initialize.maxpeers"),
        problems.stream().map(ConfigurationException::path).toList());
    ConfigurationException all =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));
    assertEquals(3, all.problems().size());
    assertEquals(4, all.getMessage().lines().count(), all.getMessage());
  }
}
