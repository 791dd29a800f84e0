package org.jipv8.reactor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.BootstrapperName;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.StrategyName;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips and py-ipv8 compatibility of configuration files. */
class ConfigurationLoaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void defaultsSurviveAJsonRoundTrip() {
    Ipv8Configuration defaults = Ipv8Configuration.defaults();

    assertEquals(defaults, ConfigurationLoader.fromJson(ConfigurationLoader.toJson(defaults)));
  }

  @Test
  void defaultsSurviveAYamlRoundTrip() {
    Ipv8Configuration defaults = Ipv8Configuration.defaults();

    assertEquals(defaults, ConfigurationLoader.fromYaml(ConfigurationLoader.toYaml(defaults)));
  }

  @Test
  void complexConfigurationSurvivesAJsonRoundTrip() {
    Ipv8Configuration complex = complex();

    assertEquals(complex, ConfigurationLoader.fromJson(ConfigurationLoader.toJson(complex)));
  }

  @Test
  void complexConfigurationSurvivesAYamlRoundTrip() {
    Ipv8Configuration complex = complex();

    assertEquals(complex, ConfigurationLoader.fromYaml(ConfigurationLoader.toYaml(complex)));
  }

  @Test
  void pyIpv8DefaultConfigurationFileLoadsAsTheDefaults() throws IOException {
    assertEquals(
        Ipv8Configuration.defaults(),
        ConfigurationLoader.fromJson(resource("py-ipv8-default.json")));
    assertEquals(
        Ipv8Configuration.defaults(),
        ConfigurationLoader.fromJson(resource("py-ipv8-default-compact.json")));
  }

  @Test
  void defaultsAreWrittenWithPyIpv8KeyNamesInPyIpv8Order() throws IOException {
    JsonNode py = MAPPER.readTree(resource("py-ipv8-default.json"));
    JsonNode ours = MAPPER.readTree(ConfigurationLoader.toJson(Ipv8Configuration.defaults()));

    // Compact re-serialisation compares values, number types and key order at once.
    assertEquals(MAPPER.writeValueAsString(py), MAPPER.writeValueAsString(ours));
  }

  @Test
  void pyIpv8UserConfigurationLoadsUnchanged() throws IOException {
    Ipv8Configuration cfg = ConfigurationLoader.fromJson(resource("py-ipv8-user.json"));

    assertEquals(
        List.of(InterfaceConfig.ipv4("127.0.0.1", 8090), InterfaceConfig.ipv6("::1", 0)),
        cfg.interfaces());
    assertEquals(KeyConfig.generated("my peer", KeyType.MEDIUM, "ec.pem"), cfg.keys().get(0));
    assertEquals("ephemeral", cfg.keys().get(1).alias());
    assertEquals("", cfg.keys().get(1).file());
    assertEquals("DEBUG", cfg.logger().level());
    assertEquals("state", cfg.workingDirectory());
    assertEquals(1.0, cfg.walkerInterval());
    OverlayConfig discovery = cfg.overlays().get(0);
    assertEquals(
        new WalkerConfig(
            "EdgeWalk", 30, Map.of("edge_length", 4, "neighborhood_size", 6, "edge_timeout", 3.0)),
        discovery.walkers().get(1));
    assertEquals(
        List.of(
            BootstrapperConfig.of("UDPBroadcastBootstrapper", Map.of("bootstrap_timeout", 0.5))),
        discovery.bootstrappers());
    assertEquals(Map.of("max_peers", 50, "anonymize", false), discovery.initialize());
    assertEquals(
        List.of(List.of("do_a_thing", 42, "x"), List.of("do_another_thing")), discovery.onStart());
    assertEquals(
        Map.of(
            "settings", Map.of("my_key", "my_value", "nested", Arrays.asList(1, 2.5, null, true))),
        cfg.overlays().get(1).initialize());
  }

  @Test
  void leftOutOptionalEntriesTakePyIpv8Defaults() {
    Ipv8Configuration cfg =
        ConfigurationLoader.fromJson(
            """
            {"interfaces": [{"interface": "UDPIPv4"}, {"interface": "UDPIPv6", "port": 5}],
             "keys": [{"alias": "k", "generation": "curve25519"}],
             "logger": {"level": "INFO"}, "walker_interval": 0.5, "overlays": []}
            """);

    assertEquals(
        List.of(InterfaceConfig.ipv4("0.0.0.0", 0), InterfaceConfig.ipv6("::", 5)),
        cfg.interfaces());
    assertEquals("", cfg.keys().get(0).file());
    assertEquals(".", cfg.workingDirectory());
  }

  @Test
  void deprecatedTopLevelAddressAndPortBecomeAnIpv4Interface() {
    Ipv8Configuration cfg =
        ConfigurationLoader.fromJson(
            """
            {"port": 9000, "keys": [], "logger": {"level": "INFO"},
             "walker_interval": 0.5, "overlays": []}
            """);

    assertEquals(List.of(InterfaceConfig.ipv4("0.0.0.0", 9000)), cfg.interfaces());
  }

  @Test
  void deprecatedAddressIsAppendedAfterTheInterfaces() {
    Ipv8Configuration cfg =
        ConfigurationLoader.fromJson(
            """
            {"address": "127.0.0.1", "interfaces": [{"interface": "UDPIPv6", "ip": "::1", "port": 1}],
             "keys": [], "logger": {"level": "INFO"}, "walker_interval": 0.5, "overlays": []}
            """);

    assertEquals(
        List.of(InterfaceConfig.ipv6("::1", 1), InterfaceConfig.ipv4("127.0.0.1", 8090)),
        cfg.interfaces());
  }

  @Test
  void portAttemptsExtensionIsWrittenOnlyWhenNotTheDefault() {
    Ipv8Configuration strict =
        ConfigBuilder.fromDefaults().setPortAttempts(10_000, "UDPIPv4").finalizeConfig();

    assertTrue(ConfigurationLoader.toJson(strict).contains("\"jipv8_port_attempts\" : 10000"));
    assertTrue(!ConfigurationLoader.toJson(Ipv8Configuration.defaults()).contains("jipv8"));
    assertEquals(strict, ConfigurationLoader.fromJson(ConfigurationLoader.toJson(strict)));
  }

  @Test
  void parseRecognisesJsonAndYamlByContent() {
    Ipv8Configuration defaults = Ipv8Configuration.defaults();

    assertEquals(defaults, ConfigurationLoader.parse(ConfigurationLoader.toJson(defaults)));
    assertEquals(defaults, ConfigurationLoader.parse(ConfigurationLoader.toYaml(defaults)));
    assertEquals(
        defaults, ConfigurationLoader.parse("\uFEFF  \n" + ConfigurationLoader.toJson(defaults)));
  }

  @Test
  void filesAreReadAndWrittenInTheFormatOfTheirExtension() throws IOException {
    Ipv8Configuration complex = complex();
    for (String name : List.of("c.json", "c.yaml", "c.yml", "c.conf")) {
      Path file = dir.resolve(name);

      ConfigurationLoader.save(complex, file);

      assertEquals(complex, ConfigurationLoader.load(file), name);
      boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
      assertEquals(!yaml, Files.readString(file).startsWith("{"), name);
    }
  }

  @Test
  void yamlIsWrittenWithoutDocumentMarkerAndWithPlainKeys() {
    String yaml = ConfigurationLoader.toYaml(Ipv8Configuration.defaults());

    assertTrue(yaml.startsWith("interfaces:"), yaml);
    assertTrue(yaml.contains("walker_interval: 0.5"), yaml);
  }

  @Test
  void loadWithARegistryAcceptsKnownNames() throws IOException {
    Path file = dir.resolve("d.json");
    ConfigurationLoader.save(Ipv8Configuration.defaults(), file);

    assertEquals(
        Ipv8Configuration.defaults(),
        ConfigurationLoader.load(file, ConfigurationErrorsTest.PY_NAMES));
  }

  @Test
  void nullFreeFormValuesArePreserved() {
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("none", null);
    Ipv8Configuration cfg =
        ConfigBuilder.fromDefaults()
            .addOverlay("X", "anonymous id", List.of(), List.of(), init, List.of())
            .finalizeConfig();

    Ipv8Configuration back = ConfigurationLoader.fromYaml(ConfigurationLoader.toYaml(cfg));

    assertTrue(back.overlays().get(3).initialize().containsKey("none"));
    assertNull(back.overlays().get(3).initialize().get("none"));
  }

  /** Every feature of the schema, with values that are easy to mangle in YAML. */
  static Ipv8Configuration complex() {
    Map<String, Object> tricky = new LinkedHashMap<>();
    tricky.put("yes", "yes");
    tricky.put("no", "no");
    tricky.put("on", "off");
    tricky.put("numeric string", "8090");
    tricky.put("float string", "3.0");
    tricky.put("null string", "null");
    tricky.put("tilde", "~");
    tricky.put("empty", "");
    tricky.put("colon", "a: b");
    tricky.put("hash", "# not a comment");
    tricky.put("unicode", "\u00e9\u4e2d\ud83d\ude00");
    tricky.put("multiline", "line1\nline2");
    tricky.put("leading space", " x");
    tricky.put("ipv6", "::");
    tricky.put("true", true);
    tricky.put("null", null);
    tricky.put("big", 5_000_000_000L);
    tricky.put("negative", -7);
    tricky.put("small", 1e-9);
    tricky.put("whole float", 2.0);
    tricky.put("nested", List.of(Map.of("a", List.of()), List.of(List.of(1, "2")), Map.of()));
    List<Object> call = new ArrayList<>(List.of("method", 1, 2.5, "three"));
    call.add(null);
    call.add(Map.of("k", "v"));
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(0)
        .setPort(8091, "UDPIPv6")
        .setAddress("::1", "UDPIPv6")
        .setPortAttempts(3, "UDPIPv6")
        .addKey("gen", KeyType.VERY_LOW, "")
        .addKey("file", KeyType.HIGH, "keys/high.pem")
        .addKeyFromBin("bin", "AAECAwQ=", "")
        .addKeyFromBin("binfile", "AAECAwQ=", "bin.pem")
        .setLogLevel("WARNING")
        .setWorkingDirectory("/var/lib/ipv8 state")
        .setWalkerInterval(0.25)
        .addOverlay(
            "DiscoveryCommunity",
            "gen",
            List.of(
                WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeout", 3.0)),
                WalkerConfig.of("CustomWalk", -1, tricky),
                WalkerConfig.of("Custom", 0, Map.of())),
            List.of(
                BootstrapperConfig.dispersyDefault(),
                BootstrapperConfig.of(BootstrapperName.UDP_BROADCAST_BOOTSTRAPPER, Map.of())),
            tricky,
            List.of(call, List.of("no_args")))
        .addOverlay("Empty", "bin", List.of(), List.of(), Map.of(), List.of())
        .addOverlay("Empty", "binfile", List.of(), List.of(), Map.of(), List.of(), true)
        .finalizeConfig();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ConfigurationLoaderTest.class.getResourceAsStream("/config/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /config/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
