package org.jipv8.reactor.config;

import static org.jipv8.reactor.config.TreeValues.child;
import static org.jipv8.reactor.config.TreeValues.free;
import static org.jipv8.reactor.config.TreeValues.freeMap;
import static org.jipv8.reactor.config.TreeValues.integer;
import static org.jipv8.reactor.config.TreeValues.number;
import static org.jipv8.reactor.config.TreeValues.string;
import static org.jipv8.reactor.config.TreeValues.wrongType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigKeys;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.LoggerConfig;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a parsed JSON or YAML tree into an {@link Ipv8Configuration}, checking it by hand so that
 * each error names the exact path of the entry, and going on after an error so that every problem
 * of a file is reported at once. In each map: unknown keys first (a typo is reported as a typo,
 * with the nearest known key), then missing keys (which take their {@link ConfigKeys} default, or
 * are an error when required), then types; ranges are left to the records, whose errors are
 * re-rooted at the entry's path. The accepted keys are {@link ConfigKeys#childrenOf}.
 *
 * <p>One instance reads one tree; not thread-safe.
 */
final class TreeReader {
  private static final Logger LOG = LoggerFactory.getLogger(TreeReader.class);

  private final List<ConfigurationException> problems = new ArrayList<>();
  private final List<String> defaulted = new ArrayList<>();

  private TreeReader() {}

  static ConfigurationCheck check(@Nullable JsonNode root) {
    TreeReader reader = new TreeReader();
    Ipv8Configuration cfg = reader.root(root);
    return new ConfigurationCheck(
        reader.problems.isEmpty() ? cfg : null, reader.problems, reader.defaulted);
  }

  static Ipv8Configuration read(@Nullable JsonNode root) {
    return check(root).orThrow();
  }

  private @Nullable Ipv8Configuration root(@Nullable JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      problems.add(
          new ConfigurationException(
              "",
              "the configuration is empty",
              "give a map with the keys " + String.join(", ", ConfigKeys.childrenOf(""))));
      return null;
    }
    if (!root.isObject()) {
      problems.add(wrongType(root, "", "a map", "the configuration must be a map of settings"));
      return null;
    }
    onlyKeys(root, "");
    List<InterfaceConfig> interfaces = new ArrayList<>();
    boolean legacy = root.has("address") || root.has("port");
    if (root.has("interfaces")) {
      interfaces.addAll(list(root.get("interfaces"), "interfaces", this::readInterface));
    } else if (!legacy) {
      interfaces.add(InterfaceConfig.ipv4("0.0.0.0", 8090));
      defaulted("interfaces");
    }
    if (legacy) {
      InterfaceConfig extra = attempt(() -> readLegacyInterface(root, interfaces.size()));
      if (extra != null) {
        interfaces.add(extra);
      }
    }
    List<KeyConfig> keys;
    if (root.has("keys")) {
      keys = list(root.get("keys"), "keys", this::readKey);
    } else {
      keys =
          List.of(
              KeyConfig.generated(
                  Ipv8Configuration.DEFAULT_KEY_ALIAS, KeyType.CURVE25519, "ec_multichain.pem"));
      defaulted("keys");
    }
    LoggerConfig logger =
        root.has("logger")
            ? readLogger(root.get("logger"), "logger")
            : defaulted("logger", LoggerConfig.DEFAULT);
    String workingDirectory =
        root.has("working_directory")
            ? attempt(() -> string(root.get("working_directory"), "working_directory"))
            : defaulted("working_directory", ".");
    Double walkerInterval =
        root.has("walker_interval")
            ? attempt(
                () ->
                    number(
                        root.get("walker_interval"),
                        "walker_interval",
                        "a number of seconds such as 0.5"))
            : defaulted("walker_interval", 0.5);
    List<OverlayConfig> overlays =
        root.has("overlays")
            ? list(root.get("overlays"), "overlays", this::readOverlay)
            : defaulted("overlays", List.of());
    if (!problems.isEmpty()) {
      return null;
    }
    return attempt(
        () ->
            new Ipv8Configuration(
                interfaces, keys, logger, workingDirectory, walkerInterval, overlays));
  }

  private InterfaceConfig readLegacyInterface(JsonNode root, int index) {
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

  private @Nullable InterfaceConfig readInterface(JsonNode node, String path) {
    if (!map(node, path, "interfaces[]", "an interface is a map such as {\"interface\": ...}")) {
      return null;
    }
    int before = problems.size();
    String name =
        field(
            node, path, "interface", InterfaceConfig.UDP_IPV4, n -> string(n, path + ".interface"));
    String fallbackIp = InterfaceConfig.defaultIp(name == null ? "" : name);
    String ip = field(node, path, "ip", fallbackIp, n -> string(n, path + ".ip"));
    Integer port =
        field(
            node,
            path,
            "port",
            0,
            n -> integer(n, path + ".port", "a port number 0..65535 (0: any free port)"));
    Integer attempts =
        field(
            node,
            path,
            ConfigurationLoader.PORT_ATTEMPTS_KEY,
            InterfaceConfig.DEFAULT_PORT_ATTEMPTS,
            n ->
                integer(
                    n,
                    path + "." + ConfigurationLoader.PORT_ATTEMPTS_KEY,
                    "a number of ports to try, 1 or more"));
    if (problems.size() > before) {
      return null;
    }
    return at(path, () -> new InterfaceConfig(name, ip, port, attempts));
  }

  private @Nullable KeyConfig readKey(JsonNode node, String path) {
    if (!map(
        node, path, "keys[]", "a key is a map such as {\"alias\": ..., \"generation\": ...}")) {
      return null;
    }
    int before = problems.size();
    String alias =
        required(node, path, "alias", "give the key's name", n -> string(n, path + ".alias"));
    JsonNode generationNode = node.get("generation");
    KeyType generation =
        generationNode == null
            ? null
            : attempt(() -> generation(string(generationNode, path + ".generation"), path));
    String file = node.has("file") ? attempt(() -> string(node.get("file"), path + ".file")) : "";
    String bin = node.has("bin") ? attempt(() -> string(node.get("bin"), path + ".bin")) : null;
    if (problems.size() > before) {
      return null;
    }
    if (generationNode == null && bin == null && file.isEmpty()) {
      // Nothing to read the key from: a fresh key in memory, as the reference documents.
      generation = KeyType.CURVE25519;
      defaulted(path + ".generation");
    }
    KeyType type = generation;
    return at(path, () -> new KeyConfig(alias, type, file, bin));
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

  private LoggerConfig readLogger(JsonNode node, String path) {
    if (!map(node, path, "logger", "the logger is a map such as {\"level\": \"INFO\"}")) {
      return LoggerConfig.DEFAULT;
    }
    String level = field(node, path, "level", "INFO", n -> string(n, path + ".level"));
    if (level == null) {
      return LoggerConfig.DEFAULT;
    }
    LoggerConfig cfg = attempt(() -> at(path, () -> new LoggerConfig(level)));
    return cfg == null ? LoggerConfig.DEFAULT : cfg;
  }

  private @Nullable OverlayConfig readOverlay(JsonNode node, String path) {
    if (!map(node, path, "overlays[]", "an overlay is a map such as {\"class\": ..., ...}")) {
      return null;
    }
    int before = problems.size();
    String className =
        required(node, path, "class", "give the overlay's name", n -> string(n, path + ".class"));
    String key =
        required(
            node,
            path,
            "key",
            "give the alias of an entry of \"keys\"",
            n -> string(n, path + ".key"));
    List<WalkerConfig> walkers =
        node.has("walkers")
            ? list(node.get("walkers"), path + ".walkers", this::readWalker)
            : defaulted(path + ".walkers", List.of());
    List<BootstrapperConfig> bootstrappers =
        node.has("bootstrappers")
            ? list(node.get("bootstrappers"), path + ".bootstrappers", this::readBootstrapper)
            : defaulted(path + ".bootstrappers", List.of());
    Map<String, Object> initialize =
        field(node, path, "initialize", Map.of(), n -> freeMap(n, path + ".initialize"));
    List<List<Object>> onStart =
        node.has("on_start")
            ? list(node.get("on_start"), path + ".on_start", TreeReader::readCall)
            : defaulted(path + ".on_start", List.of());
    if (problems.size() > before) {
      return null;
    }
    return at(
        path, () -> new OverlayConfig(className, key, walkers, bootstrappers, initialize, onStart));
  }

  private static List<Object> readCall(JsonNode node, String path) {
    if (!node.isArray()) {
      throw wrongType(
          node,
          path,
          "a list [\"method_name\", arg1, ...]",
          "on_start is a list of calls, each a list: [[\"method_name\", arg1, ...]]");
    }
    List<Object> call = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      call.add(free(node.get(i), path + "[" + i + "]"));
    }
    return call;
  }

  private @Nullable WalkerConfig readWalker(JsonNode node, String path) {
    if (!map(node, path, "overlays[].walkers[]", "a walker is a map {\"strategy\": ..., ...}")) {
      return null;
    }
    int before = problems.size();
    String strategy =
        required(
            node,
            path,
            "strategy",
            "give a strategy name such as RandomWalk",
            n -> string(n, path + ".strategy"));
    Integer peers =
        field(
            node,
            path,
            "peers",
            20,
            n -> integer(n, path + ".peers", "an integer: -1 (always) or a target peer count"));
    Map<String, Object> init = field(node, path, "init", Map.of(), n -> freeMap(n, path + ".init"));
    if (problems.size() > before) {
      return null;
    }
    return at(path, () -> new WalkerConfig(strategy, peers, init));
  }

  private @Nullable BootstrapperConfig readBootstrapper(JsonNode node, String path) {
    if (!map(
        node,
        path,
        "overlays[].bootstrappers[]",
        "a bootstrapper is a map {\"class\": ..., ...}")) {
      return null;
    }
    int before = problems.size();
    String className =
        required(
            node,
            path,
            "class",
            "give a bootstrapper name such as DispersyBootstrapper",
            n -> string(n, path + ".class"));
    Map<String, Object> init = field(node, path, "init", Map.of(), n -> freeMap(n, path + ".init"));
    if (problems.size() > before) {
      return null;
    }
    return at(path, () -> new BootstrapperConfig(className, init));
  }

  // ---- collecting helpers ----

  /** Reads one entry type of a list, given the entry's path; null when the entry had problems. */
  private interface EntryReader<T> {
    @Nullable T read(JsonNode node, String path);
  }

  /** Reads one value; throws a ConfigurationException for a bad one. */
  private interface ValueReader<T> {
    T read(JsonNode node);
  }

  private <T> List<T> list(JsonNode node, String path, EntryReader<T> entry) {
    if (!node.isArray()) {
      problems.add(wrongType(node, path, "a list", ""));
      return List.of();
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = node.get(i);
      T value = attempt(() -> entry.read(item, at));
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** Runs {@code read}, recording its problems; null when it had one. */
  private <T> @Nullable T attempt(Supplier<@Nullable T> read) {
    try {
      return read.get();
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** An optional key: its value, or its documented default (recorded) when missing. */
  private <T> @Nullable T field(
      JsonNode node, String path, String key, T fallback, ValueReader<T> reader) {
    JsonNode value = node.get(key);
    if (value == null) {
      return defaulted(child(path, key), fallback);
    }
    return attempt(() -> reader.read(value));
  }

  /** A required key: its value, or a "missing" problem. */
  private <T> @Nullable T required(
      JsonNode node, String path, String key, String fix, ValueReader<T> reader) {
    JsonNode value = node.get(key);
    if (value == null) {
      problems.add(new ConfigurationException(child(path, key), "missing", fix));
      return null;
    }
    return attempt(() -> reader.read(value));
  }

  private void defaulted(String path) {
    String generic = path.replaceAll("\\[\\d+]", "[]");
    String value = ConfigKeys.find(generic).map(k -> k.defaultValue()).orElse("?");
    defaulted.add(path + " = " + value);
  }

  private <T> T defaulted(String path, T value) {
    defaulted(path);
    return value;
  }

  /** Checks that {@code node} is a map and has only the keys of {@code entry}; false if no map. */
  private boolean map(JsonNode node, String path, String entry, String fix) {
    if (!node.isObject()) {
      problems.add(wrongType(node, path, "a map", fix));
      return false;
    }
    onlyKeys(node, path, entry);
    return true;
  }

  private void onlyKeys(JsonNode node, String path) {
    onlyKeys(node, path, "");
  }

  private void onlyKeys(JsonNode node, String path, String entry) {
    List<String> accepted = ConfigKeys.childrenOf(entry);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!accepted.contains(name)) {
        problems.add(ConfigurationException.notOneOf(child(path, name), "key", name, accepted));
      }
    }
  }

  /** Builds a record, moving its (relative) error paths under {@code path}. */
  private static <T> T at(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (ConfigurationException e) {
      throw e.under(path);
    }
  }
}
