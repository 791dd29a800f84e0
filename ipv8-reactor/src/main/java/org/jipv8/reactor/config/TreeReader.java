package org.jipv8.reactor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.LoggerConfig;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a parsed JSON or YAML tree into an {@link Ipv8Configuration}, checking it by hand so that
 * each error names the exact path of the entry. Checks in each map: unknown keys first (so a typo
 * is reported as a typo, with a suggestion, not as a missing key), then missing keys, then types;
 * ranges are left to the records, whose errors are re-rooted at the entry's path.
 */
final class TreeReader {
  private static final Logger LOG = LoggerFactory.getLogger(TreeReader.class);

  static final List<String> ROOT_KEYS =
      List.of("interfaces", "keys", "logger", "working_directory", "walker_interval", "overlays");
  private static final List<String> LEGACY_KEYS = List.of("address", "port");
  static final List<String> INTERFACE_KEYS =
      List.of("interface", "ip", "port", ConfigurationLoader.PORT_ATTEMPTS_KEY);
  static final List<String> KEY_KEYS = List.of("alias", "generation", "file", "bin");
  static final List<String> LOGGER_KEYS = List.of("level");
  static final List<String> OVERLAY_KEYS =
      List.of("class", "key", "walkers", "bootstrappers", "initialize", "on_start");
  static final List<String> WALKER_KEYS = List.of("strategy", "peers", "init");
  static final List<String> BOOTSTRAPPER_KEYS = List.of("class", "init");

  private TreeReader() {}

  static Ipv8Configuration read(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigurationException(
          "",
          "the configuration is empty",
          "give a map with the keys " + String.join(", ", ROOT_KEYS));
    }
    expectObject(root, "", "the configuration must be a map of settings");
    List<String> accepted = new ArrayList<>(ROOT_KEYS);
    accepted.addAll(LEGACY_KEYS);
    onlyKeys(root, "", accepted);

    List<InterfaceConfig> interfaces = new ArrayList<>();
    JsonNode interfacesNode = root.get("interfaces");
    boolean legacy = root.has("address") || root.has("port");
    if (interfacesNode != null) {
      interfaces.addAll(list(interfacesNode, "interfaces", TreeReader::readInterface));
    } else if (!legacy) {
      throw new ConfigurationException(
          "interfaces",
          "missing",
          "give a list such as [{\"interface\": \"UDPIPv4\", \"ip\": \"0.0.0.0\", \"port\": 8090}]");
    }
    if (legacy) {
      interfaces.add(readLegacyInterface(root, interfaces.size()));
    }
    List<KeyConfig> keys =
        list(required(root, "", "keys", "give a list of identities"), "keys", TreeReader::readKey);
    LoggerConfig logger =
        readLogger(required(root, "", "logger", "give {\"level\": \"INFO\"}"), "logger");
    JsonNode wd = root.get("working_directory");
    String workingDirectory = wd == null ? "." : string(wd, "working_directory");
    double walkerInterval =
        number(
            required(root, "", "walker_interval", "give the seconds between strategy rounds, 0.5"),
            "walker_interval",
            "a number of seconds such as 0.5");
    List<OverlayConfig> overlays =
        list(
            required(root, "", "overlays", "give a list of overlays, possibly empty"),
            "overlays",
            TreeReader::readOverlay);
    return new Ipv8Configuration(
        interfaces, keys, logger, workingDirectory, walkerInterval, overlays);
  }

  private static InterfaceConfig readLegacyInterface(JsonNode root, int index) {
    JsonNode address = root.get("address");
    JsonNode port = root.get("port");
    String ip = address == null ? "0.0.0.0" : string(address, "address");
    int portNumber = port == null ? 8090 : integer(port, "port", "a port number 0..65535");
    LOG.warn(
        "Configuration uses the deprecated top-level 'address'/'port'; read as interfaces[{}] ="
            + " UDPIPv4 {}:{}. Use \"interfaces\" instead.",
        index,
        ip,
        portNumber);
    try {
      return InterfaceConfig.ipv4(ip, portNumber);
    } catch (ConfigurationException e) {
      // The legacy keys sit at the root, so an error belongs to "address" or "port" there.
      throw e.path().equals("ip") ? rename(e, "address") : e;
    }
  }

  private static ConfigurationException rename(ConfigurationException e, String path) {
    return new ConfigurationException(path, e.problem(), e.fix(), e.getCause());
  }

  private static InterfaceConfig readInterface(JsonNode node, String path) {
    expectObject(node, path, "an interface is a map such as {\"interface\": \"UDPIPv4\", ...}");
    onlyKeys(node, path, INTERFACE_KEYS);
    String name =
        string(required(node, path, "interface", "use UDPIPv4 or UDPIPv6"), path + ".interface");
    JsonNode ip = node.get("ip");
    JsonNode port = node.get("port");
    JsonNode attempts = node.get(ConfigurationLoader.PORT_ATTEMPTS_KEY);
    String ipText = ip == null ? InterfaceConfig.defaultIp(name) : string(ip, path + ".ip");
    int portNumber =
        port == null
            ? 0
            : integer(port, path + ".port", "a port number 0..65535 (0: any free port)");
    int attemptCount =
        attempts == null
            ? InterfaceConfig.DEFAULT_PORT_ATTEMPTS
            : integer(
                attempts,
                path + "." + ConfigurationLoader.PORT_ATTEMPTS_KEY,
                "a number of ports to try, 1 or more");
    return at(path, () -> new InterfaceConfig(name, ipText, portNumber, attemptCount));
  }

  private static KeyConfig readKey(JsonNode node, String path) {
    expectObject(node, path, "a key is a map such as {\"alias\": ..., \"generation\": ...}");
    onlyKeys(node, path, KEY_KEYS);
    String alias = string(required(node, path, "alias", "give the key's name"), path + ".alias");
    JsonNode generationNode = node.get("generation");
    KeyType generation =
        generationNode == null
            ? null
            : generation(string(generationNode, path + ".generation"), path);
    JsonNode file = node.get("file");
    JsonNode bin = node.get("bin");
    String fileText = file == null ? "" : string(file, path + ".file");
    String binText = bin == null ? null : string(bin, path + ".bin");
    return at(path, () -> new KeyConfig(alias, generation, fileText, binText));
  }

  private static KeyType generation(String name, String path) {
    List<String> names = new ArrayList<>();
    for (KeyType t : KeyType.values()) {
      if (t.configName().equals(name)) {
        return t;
      }
      names.add(t.configName());
    }
    throw ConfigurationException.notOneOf(path + ".generation", "key generation", name, names);
  }

  private static LoggerConfig readLogger(JsonNode node, String path) {
    expectObject(node, path, "the logger is a map such as {\"level\": \"INFO\"}");
    onlyKeys(node, path, LOGGER_KEYS);
    String level =
        string(
            required(node, path, "level", "use one of " + String.join(", ", LoggerConfig.LEVELS)),
            path + ".level");
    return at(path, () -> new LoggerConfig(level));
  }

  private static OverlayConfig readOverlay(JsonNode node, String path) {
    expectObject(node, path, "an overlay is a map such as {\"class\": ..., \"key\": ..., ...}");
    onlyKeys(node, path, OVERLAY_KEYS);
    String className =
        string(required(node, path, "class", "give the overlay's name"), path + ".class");
    String key =
        string(
            required(node, path, "key", "give the alias of an entry of \"keys\""), path + ".key");
    List<WalkerConfig> walkers =
        list(
            required(node, path, "walkers", "give a list of strategies, possibly empty"),
            path + ".walkers",
            TreeReader::readWalker);
    List<BootstrapperConfig> bootstrappers =
        list(
            required(node, path, "bootstrappers", "give a list of bootstrappers, possibly empty"),
            path + ".bootstrappers",
            TreeReader::readBootstrapper);
    Map<String, Object> initialize =
        freeMap(
            required(node, path, "initialize", "give a map of settings, possibly empty {}"),
            path + ".initialize");
    List<List<Object>> onStart =
        list(
            required(node, path, "on_start", "give a list of [method, args...], possibly empty"),
            path + ".on_start",
            TreeReader::readCall);
    return at(
        path, () -> new OverlayConfig(className, key, walkers, bootstrappers, initialize, onStart));
  }

  private static List<Object> readCall(JsonNode node, String path) {
    if (!node.isArray()) {
      throw wrongType(node, path, "a list [\"method_name\", arg1, ...]");
    }
    List<Object> call = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      call.add(free(node.get(i), path + "[" + i + "]"));
    }
    return call;
  }

  private static WalkerConfig readWalker(JsonNode node, String path) {
    expectObject(node, path, "a walker is a map {\"strategy\": ..., \"peers\": ..., \"init\": {}}");
    onlyKeys(node, path, WALKER_KEYS);
    String strategy =
        string(
            required(node, path, "strategy", "give a strategy name such as RandomWalk"),
            path + ".strategy");
    int peers =
        integer(
            required(node, path, "peers", "give the target peer count, or -1 for always"),
            path + ".peers",
            "an integer: -1 (always) or a target peer count");
    Map<String, Object> init =
        freeMap(
            required(node, path, "init", "give a map of arguments, possibly empty {}"),
            path + ".init");
    return at(path, () -> new WalkerConfig(strategy, peers, init));
  }

  private static BootstrapperConfig readBootstrapper(JsonNode node, String path) {
    expectObject(node, path, "a bootstrapper is a map {\"class\": ..., \"init\": {}}");
    onlyKeys(node, path, BOOTSTRAPPER_KEYS);
    String className =
        string(
            required(node, path, "class", "give a bootstrapper name such as DispersyBootstrapper"),
            path + ".class");
    Map<String, Object> init =
        freeMap(
            required(node, path, "init", "give a map of arguments, possibly empty {}"),
            path + ".init");
    return at(path, () -> new BootstrapperConfig(className, init));
  }

  // ---- generic helpers ----

  /** Reads one entry type of a list, given the entry's path. */
  private interface EntryReader<T> {
    T read(JsonNode node, String path);
  }

  private static <T> List<T> list(JsonNode node, String path, EntryReader<T> entry) {
    if (!node.isArray()) {
      throw wrongType(node, path, "a list");
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(entry.read(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** Builds a record, moving its (relative) error paths under {@code path}. */
  private static <T> T at(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (ConfigurationException e) {
      throw e.under(path);
    }
  }

  private static void expectObject(JsonNode node, String path, String fix) {
    if (!node.isObject()) {
      throw wrongType(node, path, "a map", fix);
    }
  }

  private static void onlyKeys(JsonNode node, String path, List<String> accepted) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!accepted.contains(name)) {
        throw ConfigurationException.notOneOf(child(path, name), "key", name, accepted);
      }
    }
  }

  private static JsonNode required(JsonNode node, String path, String key, String fix) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new ConfigurationException(child(path, key), "missing", fix);
    }
    return value;
  }

  private static String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw wrongType(node, path, "a string");
    }
    return node.textValue();
  }

  private static int integer(JsonNode node, String path, String expected) {
    if (!node.isIntegralNumber()) {
      throw wrongType(node, path, expected);
    }
    if (!node.canConvertToInt()) {
      throw new ConfigurationException(
          path, "integer " + node.asText() + " is out of range", "use " + expected);
    }
    return node.intValue();
  }

  private static double number(JsonNode node, String path, String expected) {
    if (!node.isNumber()) {
      throw wrongType(node, path, expected);
    }
    return node.doubleValue();
  }

  private static Map<String, Object> freeMap(JsonNode node, String path) {
    if (!node.isObject()) {
      throw wrongType(node, path, "a map of keyword arguments");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), free(e.getValue(), child(path, e.getKey())));
    }
    return out;
  }

  /** A JSON value as plain Java; the records normalise it further. */
  private static Object free(JsonNode node, String path) {
    switch (node.getNodeType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.doubleValue();
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          list.add(free(node.get(i), path + "[" + i + "]"));
        }
        return list;
      case OBJECT:
        return freeMap(node, path);
      default:
        throw wrongType(node, path, "a string, number, boolean, null, list or map");
    }
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static ConfigurationException wrongType(JsonNode node, String path, String expected) {
    return wrongType(node, path, expected, "");
  }

  private static ConfigurationException wrongType(
      JsonNode node, String path, String expected, String fix) {
    return new ConfigurationException(
        path,
        "expected " + expected + ", found " + describe(node),
        fix.isEmpty() ? "use " + expected : fix);
  }

  static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL:
        return "null";
      case BOOLEAN:
        return "the boolean " + node.booleanValue();
      case STRING:
        String text = node.textValue();
        return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      case NUMBER:
        return (node.isIntegralNumber() ? "the integer " : "the number ") + node.asText();
      case ARRAY:
        return "a list";
      case OBJECT:
        return "a map";
      default:
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    }
  }
}
