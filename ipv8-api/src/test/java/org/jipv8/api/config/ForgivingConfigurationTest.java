package org.jipv8.api.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments are checked when the value is made, and every problem is reported at once. */
class ForgivingConfigurationTest {

  @Test
  void aHostNameInIpAddressesIsRefusedWhenTheEntryIsMade() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                BootstrapperConfig.of(
                    BootstrapperName.DISPERSY_BOOTSTRAPPER,
                    Map.of("ip_addresses", List.of(List.of("localhost", 18000)))));
    assertEquals("init.ip_addresses[0][0]", e.path());
    assertTrue(e.getMessage().contains("'localhost' is a host name"), e.getMessage());
    assertTrue(e.getMessage().contains("dns_addresses"), e.getMessage());
  }

  @Test
  void ipLiteralsAndNamesInTheirPlacesAreAccepted() {
    assertDoesNotThrow(
        () ->
            BootstrapperConfig.of(
                "DispersyBootstrapper",
                Map.of(
                    "ip_addresses", List.of(List.of("127.0.0.1", 18000), List.of("::1", 18001)),
                    "dns_addresses", List.of(List.of("localhost", 18000)))));
    assertDoesNotThrow(BootstrapperConfig::dispersyDefault);
  }

  @Test
  void aMisspeltBootstrapperArgumentNamesTheNearestOne() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> BootstrapperConfig.of("DispersyBootstrapper", Map.of("bootstrap_timout", 1.0)));
    assertEquals("init.bootstrap_timout", e.path());
    assertTrue(e.getMessage().contains("did you mean 'bootstrap_timeout'?"), e.getMessage());
  }

  @Test
  void aMisspeltStrategyArgumentNamesTheNearestOne() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeuot", 3.0)));
    assertEquals("init.timeuot", e.path());
    assertTrue(e.getMessage().contains("did you mean 'timeout'?"), e.getMessage());
  }

  @Test
  void customStrategiesAndBootstrappersKeepTheirArgumentsToThemselves() {
    assertDoesNotThrow(() -> WalkerConfig.of("MyWalk", 3, Map.of("anything", 1)));
    assertDoesNotThrow(() -> BootstrapperConfig.of("MyTracker", Map.of("anything", 1)));
  }

  @Test
  void aCleanBuilderReportsEveryMissingSettingAtOnce() {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ConfigBuilder.clean().finalizeConfig());
    assertEquals(
        List.of("keys", "logger", "walker_interval", "overlays", "working_directory"),
        e.problems().stream().map(ConfigurationException::path).toList());
    assertEquals(6, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void theKeyListHasOneEntryPerPathAndEveryArgumentHasADefault() {
    assertEquals(
        ConfigKeys.ALL.size(),
        ConfigKeys.ALL.stream().map(ConfigKey::path).distinct().count(),
        "duplicate path");
    assertEquals(
        List.of(
            "interfaces",
            "keys",
            "logger",
            "working_directory",
            "walker_interval",
            "overlays",
            "address",
            "port"),
        ConfigKeys.childrenOf(""));
    assertTrue(ConfigKeys.find("overlays[].class").orElseThrow().required());
    assertEquals("0.5", ConfigKeys.find("walker_interval").orElseThrow().defaultValue());
  }
}
