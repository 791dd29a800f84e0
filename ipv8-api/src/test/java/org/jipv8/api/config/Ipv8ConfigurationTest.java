package org.jipv8.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.keys.KeyType;
import org.junit.jupiter.api.Test;

class Ipv8ConfigurationTest {

  private final Ipv8Configuration defaults = Ipv8Configuration.defaults();

  @Test
  void defaultsBindIpv4Port8090WithOneCurve25519Key() {
    assertEquals(
        List.of(new InterfaceConfig("UDPIPv4", "0.0.0.0", 8090, 1)), defaults.interfaces());
    assertEquals(
        List.of(new KeyConfig("anonymous id", KeyType.CURVE25519, "ec_multichain.pem", null)),
        defaults.keys());
    assertEquals("INFO", defaults.logger().level());
    assertEquals(".", defaults.workingDirectory());
    assertEquals(0.5, defaults.walkerInterval());
  }

  @Test
  void defaultsHaveTheThreePyOverlaysWithTheirWalkers() {
    List<OverlayConfig> overlays = defaults.overlays();

    assertEquals(
        List.of("DiscoveryCommunity", "HiddenTunnelCommunity", "DHTDiscoveryCommunity"),
        overlays.stream().map(OverlayConfig::className).toList());
    assertEquals(
        List.of(
            new WalkerConfig("RandomWalk", 20, Map.of("timeout", 3.0)),
            new WalkerConfig(
                "RandomChurn",
                -1,
                Map.of(
                    "sample_size",
                    8,
                    "ping_interval",
                    10.0,
                    "inactive_time",
                    27.5,
                    "drop_time",
                    57.5)),
            new WalkerConfig("PeriodicSimilarity", -1, Map.of())),
        overlays.get(0).walkers());
    assertEquals(
        List.of(new WalkerConfig("RandomWalk", 20, Map.of("timeout", 3.0))),
        overlays.get(1).walkers());
    assertEquals(
        Map.of(
            "min_circuits",
            1,
            "max_circuits",
            1,
            "max_joined_circuits",
            100,
            "max_time",
            600,
            "max_time_inactive",
            20,
            "max_traffic",
            262_144_000,
            "dht_lookup_interval",
            30),
        overlays.get(1).initialize());
    assertEquals(List.of(List.of("build_tunnels", 1)), overlays.get(1).onStart());
    assertEquals(
        List.of(
            new WalkerConfig("RandomWalk", 20, Map.of("timeout", 3.0)),
            new WalkerConfig("PingChurn", -1, Map.of())),
        overlays.get(2).walkers());
    for (OverlayConfig o : overlays) {
      assertEquals("anonymous id", o.key());
      assertEquals(List.of(BootstrapperConfig.dispersyDefault()), o.bootstrappers());
    }
  }

  @Test
  void defaultBootstrapperListsThirteenTrackerAddressesAndSevenNames() {
    Map<String, Object> init = BootstrapperConfig.dispersyDefault().init();

    assertEquals(
        List.of("ip_addresses", "dns_addresses", "bootstrap_timeout"),
        new ArrayList<>(init.keySet()));
    assertEquals(13, ((List<?>) init.get("ip_addresses")).size());
    assertEquals(List.of("130.161.119.206", 6421), ((List<?>) init.get("ip_addresses")).get(0));
    assertEquals(List.of("130.161.119.201", 6528), ((List<?>) init.get("ip_addresses")).get(12));
    assertEquals(7, ((List<?>) init.get("dns_addresses")).size());
    assertEquals(
        List.of("dispersy4.tribler.org", 6424), ((List<?>) init.get("dns_addresses")).get(6));
    assertEquals(30.0, init.get("bootstrap_timeout"));
  }

  @Test
  void defaultsAreOneImmutableValueSoNoOverlayCanChangeAnothersBootstrapper() {
    Map<String, Object> init = defaults.overlays().get(0).bootstrappers().get(0).init();

    assertThrows(UnsupportedOperationException.class, () -> init.put("bootstrap_timeout", 1.0));
    @SuppressWarnings("unchecked") // the default tracker list is a list of lists
    List<Object> ips = (List<Object>) init.get("ip_addresses");
    assertThrows(UnsupportedOperationException.class, () -> ips.add(List.of("1.2.3.4", 1)));
    assertSame(defaults, Ipv8Configuration.defaults());
  }

  @Test
  void recordsCopyTheirInputs() {
    Map<String, Object> init = new HashMap<>(Map.of("timeout", 3.0));
    List<Object> nested = new ArrayList<>(List.of(1));
    init.put("list", nested);

    WalkerConfig walker = new WalkerConfig("MyWalk", 20, init);
    init.put("timeout", 9.0);
    nested.add(2);

    assertEquals(3.0, walker.init().get("timeout"));
    assertEquals(List.of(1), walker.init().get("list"));
  }

  @Test
  void freeFormValuesAreNormalisedToJsonShapes() {
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("long", 5L);
    init.put("big", 5_000_000_000L);
    init.put("short", (short) 3);
    init.put("float", 1.5f);
    init.put("bigint", BigInteger.TEN);
    init.put("array", new Object[] {"a", null});
    init.put("nothing", null);

    Map<String, Object> normalised = new WalkerConfig("X", 1, init).init();

    assertEquals(5, normalised.get("long"));
    assertEquals(5_000_000_000L, normalised.get("big"));
    assertEquals(3, normalised.get("short"));
    assertEquals(1.5, normalised.get("float"));
    assertEquals(10, normalised.get("bigint"));
    assertEquals(java.util.Arrays.asList("a", null), normalised.get("array"));
    assertTrue(normalised.containsKey("nothing"));
    assertNull(normalised.get("nothing"));
  }

  @Test
  void valueThatNoFileCanHoldIsRefusedWithItsPath() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new WalkerConfig("X", 1, Map.of("when", new Object())));

    assertEquals("init.when", e.path());
    assertTrue(e.getMessage().contains("strings, numbers, booleans"), e.getMessage());
  }

  @Test
  void nonFiniteNumberIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new BootstrapperConfig("B", Map.of("t", Double.NaN)));

    assertEquals("init.t", e.path());
  }

  @Test
  void mapWithNonStringKeysIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                OverlayConfig.of(
                    "C", "k", List.of(), List.of(), Map.of("m", Map.of(1, 2)), List.of()));

    assertEquals("initialize.m", e.path());
  }

  @Test
  void peersBelowMinusOneIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> new WalkerConfig("RandomWalk", -2, Map.of()));

    assertEquals("peers", e.path());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void keyWithoutAnySourceIsRefused() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new KeyConfig("k", null, "", null));

    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("generation"), e.getMessage());
  }

  @Test
  void keyWithOnlyAFileIsAccepted() {
    assertEquals("k.pem", new KeyConfig("k", null, "k.pem", null).file());
  }

  @Test
  void keyTextNeverShowsThePrivateKeyMaterial() {
    KeyConfig key = KeyConfig.fromBin("k", "c2VjcmV0IGtleQ==", "");

    assertFalse(key.toString().contains("c2VjcmV0IGtleQ=="), key.toString());
  }

  @Test
  void ipv6AddressOnAnIpv4InterfaceIsRefused() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> InterfaceConfig.ipv4("::1", 1));

    assertEquals("ip", e.path());
    assertTrue(e.getMessage().contains("UDPIPv6"), e.getMessage());
  }

  @Test
  void ipv4AddressOnAnIpv6InterfaceIsRefused() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> InterfaceConfig.ipv6("127.0.0.1", 1));

    assertEquals("ip", e.path());
  }

  @Test
  void zeroPortAttemptsIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class, () -> new InterfaceConfig("UDPIPv4", "0.0.0.0", 1, 0));

    assertEquals("jipv8_port_attempts", e.path());
  }

  @Test
  void infiniteWalkerIntervalIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new Ipv8Configuration(
                    List.of(),
                    List.of(),
                    LoggerConfig.DEFAULT,
                    ".",
                    Double.POSITIVE_INFINITY,
                    List.of()));

    assertEquals("walker_interval", e.path());
  }

  @Test
  void lastKeyWithAnAliasIsTheOneFound() {
    Ipv8Configuration cfg =
        new Ipv8Configuration(
            List.of(),
            List.of(
                KeyConfig.generated("a", KeyType.LOW, ""),
                KeyConfig.generated("a", KeyType.HIGH, "")),
            LoggerConfig.DEFAULT,
            ".",
            0.5,
            List.of());

    assertEquals(KeyType.HIGH, cfg.key("a").generation());
    assertNull(cfg.key("b"));
  }
}
