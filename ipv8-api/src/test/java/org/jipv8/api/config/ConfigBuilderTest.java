package org.jipv8.api.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jipv8.api.keys.KeyType;
import org.junit.jupiter.api.Test;

/** Mirrors py-ipv8's test_configuration.py, plus the Java-specific checks. */
class ConfigBuilderTest {

  private static final String ALIAS = Ipv8Configuration.DEFAULT_KEY_ALIAS;
  private static final int DEFAULT_KEYS = Ipv8Configuration.defaults().keys().size();
  private static final int DEFAULT_OVERLAYS = Ipv8Configuration.defaults().overlays().size();

  @Test
  void clearKeysRemovesEveryKey() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults().clearKeys().clearOverlays().finalizeConfig();

    assertEquals(List.of(), cfg.keys());
  }

  @Test
  void clearingKeysThatOverlaysUseFailsAtFinalize() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults().clearKeys();

    ConfigurationException e = assertThrows(ConfigurationException.class, builder::finalizeConfig);
    assertEquals("overlays[0].key", e.path());
  }

  @Test
  void clearOverlaysRemovesEveryOverlay() {
    assertEquals(
        List.of(), ConfigBuilder.fromDefaults().clearOverlays().finalizeConfig().overlays());
  }

  @Test
  void setPortEditsTheFirstIpv4Interface() {
    Ipv8Configuration cfg = ConfigBuilder.fromDefaults().setPort(1000).finalizeConfig();

    assertEquals(1000, cfg.interfaces().get(0).port());
    assertEquals(1, cfg.interfaces().size());
  }

  @Test
  void setAddressEditsTheFirstIpv4Interface() {
    Ipv8Configuration cfg = ConfigBuilder.fromDefaults().setAddress("1.1.1.1").finalizeConfig();

    assertEquals("1.1.1.1", cfg.interfaces().get(0).ip());
    assertEquals(8090, cfg.interfaces().get(0).port());
  }

  @Test
  void setPortOfAnAbsentInterfaceAppendsItWithTheEndpointDefaultAddress() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults().setPort(9000, InterfaceConfig.UDP_IPV6).finalizeConfig();

    assertEquals(
        List.of(InterfaceConfig.ipv4("0.0.0.0", 8090), InterfaceConfig.ipv6("::", 9000)),
        cfg.interfaces());
  }

  @Test
  void setAddressOfAnAbsentInterfaceAppendsItWithPortZero() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults().setAddress("::1", InterfaceConfig.UDP_IPV6).finalizeConfig();

    assertEquals(InterfaceConfig.ipv6("::1", 0), cfg.interfaces().get(1));
  }

  @Test
  void portOutOfRangeFailsImmediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> builder.setPort(70_000));
    assertEquals("interfaces[0].port", e.path());
    assertTrue(e.getMessage().contains("0..65535"), e.getMessage());
  }

  @Test
  void unknownInterfaceNameFailsImmediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> builder.setPort(1, "UDPIPv5"));
    assertEquals("interfaces[1].interface", e.path());
    assertTrue(e.getMessage().contains("UDPIPv4, UDPIPv6"), e.getMessage());
  }

  @Test
  void addressOfTheWrongFamilyFailsAtFinalize() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults().setAddress("::1");

    ConfigurationException e = assertThrows(ConfigurationException.class, builder::finalizeConfig);
    assertEquals("interfaces[0].ip", e.path());
    assertTrue(e.getMessage().contains("use an IPv4 address"), e.getMessage());
  }

  @Test
  void portAttemptsExtensionIsKept() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults().setPortAttempts(1, InterfaceConfig.UDP_IPV4).finalizeConfig();

    assertEquals(1, cfg.interfaces().get(0).portAttempts());
  }

  @Test
  void illegalLogLevelFailsImmediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> builder.setLogLevel("I don't exist"));
    assertEquals("logger.level", e.path());
    assertTrue(
        e.getMessage().contains("CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING"), e.getMessage());
  }

  @Test
  void changedLogLevelIsKept() {
    assertEquals(
        "CRITICAL",
        ConfigBuilder.fromDefaults().setLogLevel("CRITICAL").finalizeConfig().logger().level());
  }

  @Test
  void negativeWalkerIntervalFailsAtFinalizeNotBefore() {
    ConfigBuilder builder =
        assertDoesNotThrow(() -> ConfigBuilder.fromDefaults().setWalkerInterval(-1.0));

    ConfigurationException e = assertThrows(ConfigurationException.class, builder::finalizeConfig);
    assertEquals("walker_interval", e.path());
    assertTrue(e.getMessage().contains("0 or more"), e.getMessage());
  }

  @Test
  void changedWalkerIntervalIsKept() {
    assertEquals(
        3.14,
        ConfigBuilder.fromDefaults().setWalkerInterval(3.14).finalizeConfig().walkerInterval());
  }

  @Test
  void changedWorkingDirectoryIsKept() {
    assertEquals(
        "/tmp/x",
        ConfigBuilder.fromDefaults()
            .setWorkingDirectory("/tmp/x")
            .finalizeConfig()
            .workingDirectory());
  }

  @Test
  void illegalCurveFailsImmediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> builder.addKey("my key", "I don't exist", "some file"));
    assertEquals("keys[1].generation", e.path());
    assertTrue(e.getMessage().contains("curve25519, high, low, medium, very-low"), e.getMessage());
  }

  @Test
  void addKeyAppendsAGeneratedKey() {
    List<KeyConfig> keys =
        ConfigBuilder.fromDefaults()
            .addKey("my new key", "very-low", "some file")
            .finalizeConfig()
            .keys();

    assertEquals(DEFAULT_KEYS + 1, keys.size());
    assertEquals(new KeyConfig("my new key", KeyType.VERY_LOW, "some file", null), keys.get(1));
  }

  @Test
  void addKeyReplacesAKeyWithTheSameAlias() {
    List<KeyConfig> keys =
        ConfigBuilder.fromDefaults()
            .addKey(ALIAS, KeyType.HIGH, "other.pem")
            .finalizeConfig()
            .keys();

    assertEquals(List.of(KeyConfig.generated(ALIAS, KeyType.HIGH, "other.pem")), keys);
  }

  @Test
  void addKeyFromBinWithoutFileKeepsTheKeyInMemory() {
    String material = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});

    List<KeyConfig> keys =
        ConfigBuilder.fromDefaults().addKeyFromBin("my new key", material).finalizeConfig().keys();

    assertEquals(DEFAULT_KEYS + 1, keys.size());
    assertEquals(new KeyConfig("my new key", null, "", material), keys.get(1));
  }

  @Test
  void addKeyFromBinWithFileKeepsTheFile() {
    String material = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});

    List<KeyConfig> keys =
        ConfigBuilder.fromDefaults()
            .addKeyFromBin("my new key", material, "some file")
            .finalizeConfig()
            .keys();

    assertEquals(new KeyConfig("my new key", null, "some file", material), keys.get(1));
  }

  @Test
  void addKeyFromBinRejectsTextThatIsNotBase64Immediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> builder.addKeyFromBin("k", "not base64!"));
    assertEquals("keys[1].bin", e.path());
    assertTrue(e.getMessage().contains("base64"), e.getMessage());
  }

  @Test
  void addEphemeralKeyStoresTheSuppliedKeyAsBinWithoutFile() {
    byte[] material = {9, 8, 7, 6, 5};

    List<KeyConfig> keys =
        ConfigBuilder.fromDefaults()
            .addEphemeralKey("my new key", () -> material.clone())
            .finalizeConfig()
            .keys();

    KeyConfig added = keys.get(keys.size() - 1);
    assertEquals(DEFAULT_KEYS + 1, keys.size());
    assertEquals("my new key", added.alias());
    assertEquals("", added.file());
    assertEquals(null, added.generation());
    assertEquals(List.of(9, 8, 7, 6, 5), toList(added.binBytes()));
  }

  @Test
  void addOverlayWithoutDuplicatesReplacesTheSameClass() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay(
                "DiscoveryCommunity", ALIAS, List.of(), List.of(), Map.of(), List.of(), false)
            .finalizeConfig();

    OverlayConfig expected =
        new OverlayConfig("DiscoveryCommunity", ALIAS, List.of(), List.of(), Map.of(), List.of());
    assertEquals(DEFAULT_OVERLAYS, cfg.overlays().size());
    assertTrue(cfg.overlays().contains(expected));
    assertEquals(expected, cfg.overlays().get(DEFAULT_OVERLAYS - 1));
  }

  @Test
  void addOverlayWithDuplicatesAppends() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay(
                "DiscoveryCommunity", ALIAS, List.of(), List.of(), Map.of(), List.of(), true)
            .finalizeConfig();

    assertEquals(DEFAULT_OVERLAYS + 1, cfg.overlays().size());
    assertEquals("DiscoveryCommunity", cfg.overlays().get(0).className());
    assertEquals(
        new OverlayConfig("DiscoveryCommunity", ALIAS, List.of(), List.of(), Map.of(), List.of()),
        cfg.overlays().get(DEFAULT_OVERLAYS));
  }

  @Test
  void complexOverlayIsStoredVerbatim() {
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay(
                "MyCommunity",
                ALIAS,
                List.of(WalkerConfig.of(StrategyName.RANDOM_WALK, 42, Map.of("timeout", 3.0))),
                List.of(
                    BootstrapperConfig.of(
                        BootstrapperName.DISPERSY_BOOTSTRAPPER,
                        Map.of(
                            "ip_addresses", List.of(List.of("1.2.3.4", 5)),
                            "dns_addresses", List.of(List.of("tribler.org", 5))))),
                Map.of("settings", Map.of("my_key", "my_value")),
                List.of(List.of("do_a_thing", 42), List.of("do_another_thing")))
            .finalizeConfig();

    OverlayConfig added = cfg.overlays().get(DEFAULT_OVERLAYS);
    assertEquals("MyCommunity", added.className());
    assertEquals(
        List.of(new WalkerConfig("RandomWalk", 42, Map.of("timeout", 3.0))), added.walkers());
    assertEquals("DispersyBootstrapper", added.bootstrappers().get(0).className());
    assertEquals(
        Map.of(
            "ip_addresses", List.of(List.of("1.2.3.4", 5)),
            "dns_addresses", List.of(List.of("tribler.org", 5))),
        added.bootstrappers().get(0).init());
    assertEquals(Map.of("settings", Map.of("my_key", "my_value")), added.initialize());
    assertEquals(List.of(List.of("do_a_thing", 42), List.of("do_another_thing")), added.onStart());
  }

  @Test
  void randomChurnAndPeriodicSimilarityWalkersAreAccepted() {
    for (StrategyName strategy :
        List.of(StrategyName.RANDOM_CHURN, StrategyName.PERIODIC_SIMILARITY)) {
      Ipv8Configuration cfg =
          ConfigBuilder.fromDefaults()
              .addOverlay(
                  "DiscoveryCommunity",
                  ALIAS,
                  List.of(WalkerConfig.of(strategy, 20, Map.of())),
                  List.of(),
                  Map.of(),
                  List.of())
              .finalizeConfig();

      assertEquals(DEFAULT_OVERLAYS, cfg.overlays().size());
      assertEquals(
          strategy.configName(),
          cfg.overlays().get(DEFAULT_OVERLAYS - 1).walkers().get(0).strategy());
    }
  }

  @Test
  void onStartEntryWithoutAMethodNameFailsImmediately() {
    ConfigBuilder builder = ConfigBuilder.fromDefaults();

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                builder.addOverlay(
                    "MyCommunity", ALIAS, List.of(), List.of(), Map.of(), List.of(List.of(42))));
    assertEquals("overlays[3].on_start[0][0]", e.path());
  }

  @Test
  void overlayWithAnUndefinedKeyAliasFailsAtFinalize() {
    ConfigBuilder builder =
        ConfigBuilder.fromDefaults()
            .addOverlay("MyCommunity", "nobody", List.of(), List.of(), Map.of(), List.of());

    ConfigurationException e = assertThrows(ConfigurationException.class, builder::finalizeConfig);
    assertEquals("overlays[3].key", e.path());
    assertTrue(e.getMessage().contains("accepted: anonymous id"), e.getMessage());
  }

  @Test
  void cleanBuilderReportsEachMissingTopLevelEntryInTurn() {
    ConfigBuilder builder = ConfigBuilder.clean();
    assertMissing(builder, "keys");
    builder.clearKeys();
    assertMissing(builder, "logger");
    builder.setLogLevel("INFO");
    assertMissing(builder, "walker_interval");
    builder.setWalkerInterval(0.5);
    assertMissing(builder, "overlays");
    builder.clearOverlays();
    assertMissing(builder, "working_directory");
    builder.setWorkingDirectory(".");

    Ipv8Configuration cfg = builder.finalizeConfig();

    assertEquals(List.of(), cfg.interfaces());
  }

  @Test
  void defaultConfigurationIsRebuiltThroughTheBuilder() {
    Map<String, Object> churn =
        Map.of("sample_size", 8, "ping_interval", 10.0, "inactive_time", 27.5, "drop_time", 57.5);
    List<BootstrapperConfig> trackers =
        List.of(
            BootstrapperConfig.of(
                BootstrapperName.DISPERSY_BOOTSTRAPPER, BootstrapperConfig.dispersyDefaultInit()));
    Map<String, Object> tunnels =
        Map.of(
            "min_circuits", 1,
            "max_circuits", 1,
            "max_joined_circuits", 100,
            "max_time", 10 * 60,
            "max_time_inactive", 20,
            "max_traffic", 250 * 1024 * 1024,
            "dht_lookup_interval", 30);

    Ipv8Configuration rebuilt =
        ConfigBuilder.clean()
            .setAddress("0.0.0.0")
            .setPort(8090)
            .addKey(ALIAS, "curve25519", "ec_multichain.pem")
            .setLogLevel("INFO")
            .setWorkingDirectory(".")
            .setWalkerInterval(0.5)
            .addOverlay(
                "DiscoveryCommunity",
                ALIAS,
                List.of(
                    WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeout", 3.0)),
                    WalkerConfig.of(StrategyName.RANDOM_CHURN, -1, churn),
                    WalkerConfig.of(StrategyName.PERIODIC_SIMILARITY, -1, Map.of())),
                trackers,
                Map.of(),
                List.of())
            .addOverlay(
                "HiddenTunnelCommunity",
                ALIAS,
                List.of(WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeout", 3.0))),
                trackers,
                tunnels,
                List.of(List.of("build_tunnels", 1)))
            .addOverlay(
                "DHTDiscoveryCommunity",
                ALIAS,
                List.of(
                    WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeout", 3.0)),
                    WalkerConfig.of(StrategyName.PING_CHURN, -1, Map.of())),
                trackers,
                Map.of(),
                List.of())
            .finalizeConfig();

    assertEquals(Ipv8Configuration.defaults(), rebuilt);
  }

  @Test
  void builderFromAConfigurationReproducesIt() {
    assertEquals(
        Ipv8Configuration.defaults(), Ipv8Configuration.defaults().toBuilder().finalizeConfig());
  }

  private static void assertMissing(ConfigBuilder builder, String path) {
    ConfigurationException e = assertThrows(ConfigurationException.class, builder::finalizeConfig);
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  private static List<Integer> toList(byte[] bytes) {
    Integer[] boxed = new Integer[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      boxed[i] = (int) bytes[i];
    }
    return List.of(boxed);
  }
}
