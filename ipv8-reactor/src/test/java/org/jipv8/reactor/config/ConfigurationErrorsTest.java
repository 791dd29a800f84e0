package org.jipv8.reactor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.ConfigurationValidator;
import org.jipv8.api.config.NameRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a configuration file is rejected: each test breaks one entry of a valid file and checks
 * the error's path and that the message says what is accepted.
 */
class ConfigurationErrorsTest {

  /** py-ipv8 3.1's names, as the engine will register them. */
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

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String VALID =
      """
      {
        "interfaces": [{"interface": "UDPIPv4", "ip": "127.0.0.1", "port": 8090}],
        "keys": [{"alias": "me", "generation": "curve25519", "file": ""}],
        "logger": {"level": "INFO"},
        "working_directory": ".",
        "walker_interval": 0.5,
        "overlays": [{
          "class": "DiscoveryCommunity",
          "key": "me",
          "walkers": [
            {"strategy": "RandomWalk", "peers": 20, "init": {"timeout": 3.0}},
            {"strategy": "RandomChurn", "peers": -1, "init": {}}
          ],
          "bootstrappers": [{"class": "DispersyBootstrapper", "init": {}}],
          "initialize": {},
          "on_start": [["build_tunnels", 1]]
        }]
      }
      """;

  @TempDir Path dir;

  @Test
  void theBaseFileIsValid() {
    ConfigurationValidator.validateNames(ConfigurationLoader.fromJson(VALID), PY_NAMES);
  }

  // ---- documents ----

  @Test
  void emptyDocument() {
    assertRejectedText("", "", "empty");
    assertRejectedText("   \n", "", "empty");
    assertRejectedText("null", "", "empty");
    for (String yaml : List.of("", "---\n", "# only a comment\n")) {
      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> ConfigurationLoader.fromYaml(yaml));
      assertEquals("", e.path());
      assertTrue(
          e.getMessage().contains("empty; give a map with the keys interfaces"), e.getMessage());
    }
  }

  @Test
  void malformedJson() {
    ConfigurationException e = rejectText("{\"keys\": [}", "");
    assertTrue(e.getMessage().contains("not valid JSON at line 1"), e.getMessage());
  }

  @Test
  void malformedYaml() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationLoader.fromYaml("keys: [\n  - a\nlogger: {"));
    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void trailingJsonAfterTheDocument() {
    assertRejectedText(VALID + "{}", "", "not valid JSON");
  }

  @Test
  void duplicateKeyInOneMap() {
    ConfigurationException e =
        rejectText(
            VALID.replace(
                "\"walker_interval\": 0.5", "\"walker_interval\": 0.5, \"walker_interval\": 1"),
            "");
    assertTrue(e.getMessage().contains("walker_interval"), e.getMessage());
  }

  @Test
  void duplicateKeyInYaml() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationLoader.fromYaml("logger: {level: INFO}\nlogger: {level: DEBUG}\n"));
    assertTrue(e.getMessage().contains("logger"), e.getMessage());
  }

  @Test
  void rootIsNotAMap() {
    assertRejectedText("[1, 2]", "", "expected a map, found a list");
  }

  @Test
  void unreadableFile() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationLoader.load(dir.resolve("absent.json")));
    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("cannot read configuration file"), e.getMessage());
  }

  // ---- top level ----

  @Test
  void unknownTopLevelKeySuggestsTheNearestKey() {
    assertRejected(
        root -> root.set("walker_intervall", root.remove("walker_interval")),
        "walker_intervall",
        "unknown key 'walker_intervall'",
        "accepted: address, interfaces, keys, logger, overlays, port, walker_interval,"
            + " working_directory",
        "did you mean 'walker_interval'?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"interfaces", "logger", "working_directory", "walker_interval", "overlays"})
  void aMissingTopLevelKeyTakesItsDefaultAndIsReported(String key) {
    assertDefaulted(root -> root.remove(key), key);
  }

  @Test
  void missingKeysTakePyIpv8sDefaultKey() {
    ConfigurationCheck check =
        assertDefaulted(
            root -> {
              root.remove("keys");
              overlay(root).put("key", "anonymous id");
            },
            "keys");
    assertEquals("ec_multichain.pem", check.configuration().keys().get(0).file());
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigurationLoader.fromJson(
                    broken(
                        root -> {
                          root.put("walker_intervall", 0.5);
                          iface(root).put("port", 70000);
                          walker(root, 0).put("peers", "many");
                          logger(root).put("level", "LOUD");
                          overlay(root).remove("class");
                        })));
    assertEquals(
        List.of(
            "walker_intervall",
            "interfaces[0].port",
            "logger.level",
            "overlays[0].class",
            "overlays[0].walkers[0].peers"),
        e.problems().stream().map(ConfigurationException::path).toList(),
        e.getMessage());
    assertEquals(6, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void aHostNameInIpAddressesIsAnErrorAtLoad() {
    assertRejected(
        root ->
            bootstrapper(root)
                .putObject("init")
                .putArray("ip_addresses")
                .addArray()
                .add("localhost")
                .add(18000),
        "overlays[0].bootstrappers[0].init.ip_addresses[0][0]",
        "'localhost' is a host name",
        "dns_addresses");
  }

  @Test
  void aMisspeltStrategyArgumentIsAnErrorAtLoad() {
    assertRejected(
        root -> walker(root, 0).putObject("init").put("timout", 3.0),
        "overlays[0].walkers[0].init.timout",
        "unknown argument 'timout' of RandomWalk",
        "did you mean 'timeout'?");
  }

  @Test
  void anUnknownInitializeKeyIsAnErrorWithARegistry() {
    assertRejectedNames(
        root -> overlay(root).putObject("initialize").put("max_peer", 3),
        "overlays[0].initialize.max_peer",
        "did you mean 'max_peers'?");
  }

  @Test
  void interfacesIsNotAList() {
    assertRejected(
        root -> root.putObject("interfaces"), "interfaces", "expected a list, found a map");
  }

  @Test
  void walkerIntervalIsAString() {
    assertRejected(
        root -> root.put("walker_interval", "fast"),
        "walker_interval",
        "expected a number of seconds such as 0.5, found the string \"fast\"");
  }

  @Test
  void walkerIntervalIsNegative() {
    assertRejected(root -> root.put("walker_interval", -0.1), "walker_interval", "0 or more");
  }

  @Test
  void infinityIsNotANumberAFileCanHold() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigurationLoader.fromYaml(
                    "interfaces: []\nkeys: []\nlogger: {level: INFO}\nwalker_interval: .inf\n"
                        + "overlays: []\n"));
    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void workingDirectoryIsNotAString() {
    assertRejected(
        root -> root.put("working_directory", 1),
        "working_directory",
        "expected a string, found the integer 1");
  }

  @Test
  void deprecatedPortIsNotANumber() {
    assertRejected(root -> root.put("port", "x"), "port", "expected a port number 0..65535");
  }

  @Test
  void deprecatedAddressIsIpv6() {
    assertRejected(root -> root.put("address", "::1"), "address", "use an IPv4 address");
  }

  // ---- interfaces ----

  @Test
  void interfaceIsNotAMap() {
    assertRejected(
        root -> interfaces(root).set(0, MAPPER.getNodeFactory().textNode("UDPIPv4")),
        "interfaces[0]",
        "expected a map, found the string \"UDPIPv4\"");
  }

  @Test
  void unknownInterfaceKey() {
    assertRejected(
        root -> iface(root).put("prot", 1),
        "interfaces[0].prot",
        "accepted: interface, ip, jipv8_port_attempts, port",
        "did you mean 'port'?");
  }

  @Test
  void aMissingInterfaceNameIsUdpIpv4() {
    assertDefaulted(root -> iface(root).remove("interface"), "interfaces[0].interface");
  }

  @Test
  void unknownInterfaceName() {
    assertRejected(
        root -> iface(root).put("interface", "UDPIPv5"),
        "interfaces[0].interface",
        "unknown interface 'UDPIPv5'",
        "accepted: UDPIPv4, UDPIPv6");
  }

  @Test
  void portIsAString() {
    assertRejected(
        root -> iface(root).put("port", "abc"),
        "interfaces[0].port",
        "expected a port number 0..65535 (0: any free port), found the string \"abc\"");
  }

  @Test
  void portIsAFraction() {
    assertRejected(
        root -> iface(root).put("port", 80.5), "interfaces[0].port", "found the number 80.5");
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 65_536, 70_000})
  void portOutOfRange(long port) {
    assertRejected(
        root -> iface(root).put("port", port),
        "interfaces[0].port",
        "port " + port + " is out of range",
        "use 0..65535");
  }

  @Test
  void portBeyondEveryInteger() {
    assertRejected(
        root -> iface(root).put("port", new BigInteger("99999999999999999999")),
        "interfaces[0].port",
        "out of range");
  }

  @Test
  void ipIsNull() {
    assertRejected(
        root -> iface(root).putNull("ip"), "interfaces[0].ip", "expected a string, found null");
  }

  @Test
  void ipOfTheWrongFamily() {
    assertRejected(
        root -> iface(root).put("ip", "::"),
        "interfaces[0].ip",
        "IPv6 address on interface UDPIPv4",
        "use an IPv4 address such as 0.0.0.0, or interface UDPIPv6");
  }

  @Test
  void portAttemptsBelowOne() {
    assertRejected(
        root -> iface(root).put("jipv8_port_attempts", 0),
        "interfaces[0].jipv8_port_attempts",
        "must be at least 1");
  }

  // ---- keys ----

  @Test
  void keyWithoutAlias() {
    assertRejected(root -> key(root).remove("alias"), "keys[0].alias", "missing");
  }

  @Test
  void unknownKeyGeneration() {
    assertRejected(
        root -> key(root).put("generation", "curve"),
        "keys[0].generation",
        "unknown key generation 'curve'",
        "accepted: curve25519, high, low, medium, very-low");
  }

  @Test
  void aKeyWithoutSourceIsAFreshCurve25519KeyInMemory() {
    ConfigurationCheck check =
        assertDefaulted(root -> key(root).remove("generation"), "keys[0].generation");
    assertEquals("", check.configuration().keys().get(0).file());
  }

  @Test
  void keyBinIsNotBase64() {
    assertRejected(
        root -> key(root).put("bin", "***"), "keys[0].bin", "not valid base64", "standard base64");
  }

  @Test
  void unknownKeyEntryKey() {
    assertRejected(
        root -> key(root).put("generations", "x"),
        "keys[0].generations",
        "accepted: alias, bin, file, generation",
        "did you mean 'generation'?");
  }

  // ---- logger ----

  @Test
  void loggerIsNotAMap() {
    assertRejected(
        root -> root.put("logger", "INFO"), "logger", "expected a map, found the string \"INFO\"");
  }

  @Test
  void unknownLogLevel() {
    assertRejected(
        root -> logger(root).put("level", "WARN"),
        "logger.level",
        "unknown log level 'WARN'",
        "accepted: CRITICAL, DEBUG, ERROR, INFO, NOTSET, WARNING",
        "did you mean 'WARNING'?");
  }

  @Test
  void missingLogLevel() {
    assertDefaulted(root -> logger(root).remove("level"), "logger.level");
  }

  @Test
  void unknownLoggerKey() {
    assertRejected(
        root -> logger(root).put("format", "%(message)s"), "logger.format", "accepted: level");
  }

  // ---- overlays ----

  @ParameterizedTest
  @ValueSource(strings = {"class", "key"})
  void missingRequiredOverlayKey(String key) {
    assertRejected(root -> overlay(root).remove(key), "overlays[0]." + key, "missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"walkers", "bootstrappers", "initialize", "on_start"})
  void aMissingOptionalOverlayKeyIsEmpty(String key) {
    assertDefaulted(root -> overlay(root).remove(key), "overlays[0]." + key);
  }

  @Test
  void onStartMustBeAListOfLists() {
    assertRejected(
        root -> overlay(root).putArray("on_start").add("startTalking"),
        "overlays[0].on_start[0]",
        "a list of calls, each a list");
  }

  @Test
  void unknownOverlayKey() {
    assertRejected(
        root -> overlay(root).set("walker", overlay(root).remove("walkers")),
        "overlays[0].walker",
        "accepted: bootstrappers, class, initialize, key, on_start, walkers",
        "did you mean 'walkers'?");
  }

  @Test
  void overlayKeyAliasIsNotDefined() {
    assertRejected(
        root -> overlay(root).put("key", "you"),
        "overlays[0].key",
        "unknown key alias 'you'",
        "accepted: me");
  }

  @Test
  void walkersIsAMap() {
    assertRejected(
        root -> overlay(root).putObject("walkers"),
        "overlays[0].walkers",
        "expected a list, found a map");
  }

  @Test
  void initializeIsAList() {
    assertRejected(
        root -> overlay(root).putArray("initialize"),
        "overlays[0].initialize",
        "expected a map of keyword arguments, found a list");
  }

  @Test
  void onStartEntryIsNotAList() {
    assertRejected(
        root -> ((ArrayNode) overlay(root).get("on_start")).set(0, "build_tunnels"),
        "overlays[0].on_start[0]",
        "expected a list [\"method_name\", arg1, ...]");
  }

  @Test
  void onStartEntryIsEmpty() {
    assertRejected(
        root -> ((ArrayNode) overlay(root).get("on_start")).set(0, MAPPER.createArrayNode()),
        "overlays[0].on_start[0]",
        "is empty",
        "[\"build_tunnels\", 1]");
  }

  @Test
  void onStartMethodIsNotAString() {
    assertRejected(
        root -> ((ArrayNode) overlay(root).get("on_start").get(0)).set(0, 7),
        "overlays[0].on_start[0][0]",
        "not a string: 7",
        "name of a method");
  }

  @Test
  void freeFormIntegerBeyond64Bits() {
    assertRejected(
        root ->
            walker(root, 0)
                .withObjectProperty("init")
                .put("x", new BigInteger("99999999999999999999")),
        "overlays[0].walkers[0].init.x",
        "out of range",
        "64 bits");
  }

  // ---- walkers ----

  @Test
  void walkerPeersIsAFraction() {
    assertRejected(
        root -> walker(root, 0).put("peers", 1.5),
        "overlays[0].walkers[0].peers",
        "expected an integer: -1 (always) or a target peer count, found the number 1.5");
  }

  @Test
  void walkerPeersIsAString() {
    assertRejected(
        root -> walker(root, 0).put("peers", "20"),
        "overlays[0].walkers[0].peers",
        "found the string \"20\"");
  }

  @Test
  void walkerPeersBelowMinusOne() {
    assertRejected(
        root -> walker(root, 1).put("peers", -2),
        "overlays[0].walkers[1].peers",
        "below -1",
        "use -1 to run on every tick");
  }

  @Test
  void missingRequiredWalkerKey() {
    assertRejected(
        root -> walker(root, 1).remove("strategy"), "overlays[0].walkers[1].strategy", "missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"peers", "init"})
  void aMissingOptionalWalkerKeyTakesItsDefault(String key) {
    assertDefaulted(root -> walker(root, 1).remove(key), "overlays[0].walkers[1]." + key);
  }

  @Test
  void walkerInitIsNotAMap() {
    assertRejected(
        root -> walker(root, 0).put("init", 3.0),
        "overlays[0].walkers[0].init",
        "expected a map of keyword arguments, found the number 3.0");
  }

  @Test
  void walkerStrategyIsNotAString() {
    assertRejected(
        root -> walker(root, 0).put("strategy", true),
        "overlays[0].walkers[0].strategy",
        "expected a string, found the boolean true");
  }

  @Test
  void unknownWalkerKey() {
    assertRejected(
        root -> walker(root, 0).put("target", 1),
        "overlays[0].walkers[0].target",
        "accepted: init, peers, strategy");
  }

  // ---- bootstrappers ----

  @Test
  void missingRequiredBootstrapperKey() {
    assertRejected(
        root -> bootstrapper(root).remove("class"),
        "overlays[0].bootstrappers[0].class",
        "missing");
  }

  @Test
  void aMissingBootstrapperInitIsEmpty() {
    assertDefaulted(root -> bootstrapper(root).remove("init"), "overlays[0].bootstrappers[0].init");
  }

  @Test
  void bootstrapperInitIsAList() {
    assertRejected(
        root -> bootstrapper(root).putArray("init"),
        "overlays[0].bootstrappers[0].init",
        "expected a map of keyword arguments");
  }

  @Test
  void unknownBootstrapperKey() {
    assertRejected(
        root -> bootstrapper(root).put("kwargs", 1),
        "overlays[0].bootstrappers[0].kwargs",
        "accepted: class, init");
  }

  // ---- names (need the engine's registry) ----

  @Test
  void unknownOverlayClass() {
    assertRejectedNames(
        root -> overlay(root).put("class", "DiscoveryComunity"),
        "overlays[0].class",
        "unknown overlay class 'DiscoveryComunity'",
        "accepted: DHTDiscoveryCommunity, DiscoveryCommunity, HiddenTunnelCommunity",
        "did you mean 'DiscoveryCommunity'?");
  }

  @Test
  void unknownStrategyName() {
    assertRejectedNames(
        root -> walker(root, 1).put("strategy", "PingChurn"),
        "overlays[0].walkers[1].strategy",
        "unknown strategy 'PingChurn' for DiscoveryCommunity",
        "accepted: EdgeWalk, PeriodicSimilarity, RandomChurn, RandomWalk");
  }

  @Test
  void unknownBootstrapperName() {
    assertRejectedNames(
        root -> bootstrapper(root).put("class", "TrackerBootstrapper"),
        "overlays[0].bootstrappers[0].class",
        "unknown bootstrapper class 'TrackerBootstrapper'",
        "accepted: DispersyBootstrapper, UDPBroadcastBootstrapper");
  }

  // ---- helpers ----

  private static ObjectNode iface(ObjectNode root) {
    return (ObjectNode) interfaces(root).get(0);
  }

  private static ArrayNode interfaces(ObjectNode root) {
    return (ArrayNode) root.get("interfaces");
  }

  private static ObjectNode key(ObjectNode root) {
    return (ObjectNode) root.get("keys").get(0);
  }

  private static ObjectNode logger(ObjectNode root) {
    return (ObjectNode) root.get("logger");
  }

  private static ObjectNode overlay(ObjectNode root) {
    return (ObjectNode) root.get("overlays").get(0);
  }

  private static ObjectNode walker(ObjectNode root, int index) {
    return (ObjectNode) overlay(root).get("walkers").get(index);
  }

  private static ObjectNode bootstrapper(ObjectNode root) {
    return (ObjectNode) overlay(root).get("bootstrappers").get(0);
  }

  private static String broken(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(VALID);
      edit.accept(root);
      return MAPPER.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Checks the JSON form and the YAML form of the broken file give the same error. */
  private static void assertRejected(Consumer<ObjectNode> edit, String path, String... fragments) {
    String json = broken(edit);
    ConfigurationException fromJson = rejectText(json, path, fragments);
    ConfigurationException fromYaml =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationLoader.fromYaml(toYaml(json)),
            "YAML form of " + path);
    assertEquals(fromJson.getMessage(), fromYaml.getMessage());
  }

  /** The edited file loads, and the check lists {@code path} among the defaulted keys. */
  private static ConfigurationCheck assertDefaulted(Consumer<ObjectNode> edit, String path) {
    ConfigurationCheck check = ConfigurationLoader.checkText(broken(edit), true, PY_NAMES);
    assertTrue(check.ok(), check.problems().toString());
    assertTrue(
        check.defaulted().stream().anyMatch(d -> d.startsWith(path + " = ")),
        path + " not in " + check.defaulted());
    return check;
  }

  private static void assertRejectedText(String text, String path, String... fragments) {
    rejectText(text, path, fragments);
  }

  private static ConfigurationException rejectText(String text, String path, String... fragments) {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ConfigurationLoader.fromJson(text));
    assertEquals(path, e.path(), e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }
    return e;
  }

  private static void assertRejectedNames(
      Consumer<ObjectNode> edit, String path, String... fragments) {
    var cfg = ConfigurationLoader.fromJson(broken(edit));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigurationValidator.validateNames(cfg, PY_NAMES));
    assertEquals(path, e.path(), e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }
  }

  private static String toYaml(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(tree);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
