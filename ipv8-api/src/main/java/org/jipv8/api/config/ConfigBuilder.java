package org.jipv8.api.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jipv8.api.keys.KeyType;

/**
 * Builds an {@link Ipv8Configuration} step by step, as py-ipv8's {@code ConfigBuilder} does.
 *
 * <pre>{@code
 * Ipv8Configuration cfg = ConfigBuilder.clean()
 *     .setPort(8090)
 *     .addKey("my peer", "curve25519", "ec.pem")
 *     .setLogLevel("INFO")
 *     .setWorkingDirectory(".")
 *     .setWalkerInterval(0.5)
 *     .addOverlay("MyCommunity", "my peer",
 *         List.of(WalkerConfig.of(StrategyName.RANDOM_WALK, 20, Map.of("timeout", 3.0))),
 *         List.of(BootstrapperConfig.dispersyDefault()), Map.of(), List.of())
 *     .finalizeConfig();
 * }</pre>
 *
 * <p>When problems are reported: the log level, the key generation and ports are checked when they
 * are set; everything else when {@link #finalizeConfig()} builds the configuration (a negative
 * walker interval, a missing top-level entry, an overlay whose key alias is not defined). Names of
 * overlays, strategies and bootstrappers are not checked here, because they depend on what the
 * engine registered; the engine checks them with {@link ConfigurationValidator#validateNames}.
 * Every error is a {@link ConfigurationException} whose path names the entry, for example {@code
 * interfaces[0].port}.
 *
 * <p>Not thread-safe: a builder belongs to the thread that fills it in.
 */
public final class ConfigBuilder {

  /** One interface while it is being edited: py lets ip and port be set separately. */
  private static final class Interface {
    final String name;
    String ip;
    int port;
    int portAttempts = InterfaceConfig.DEFAULT_PORT_ATTEMPTS;

    Interface(String name) {
      this.name = name;
    }

    InterfaceConfig build() {
      return new InterfaceConfig(
          name, ip == null ? InterfaceConfig.defaultIp(name) : ip, port, portAttempts);
    }
  }

  // null means "absent", as a missing key is in py's dictionary.
  private List<Interface> interfaces;
  private List<KeyConfig> keys;
  private LoggerConfig logger;
  private String workingDirectory;
  private Double walkerInterval;
  private List<OverlayConfig> overlays;

  private ConfigBuilder() {}

  /** A builder holding py-ipv8's default configuration ({@code ConfigBuilder()}). */
  public static ConfigBuilder fromDefaults() {
    return from(Ipv8Configuration.defaults());
  }

  /** An empty builder ({@code ConfigBuilder(clean=True)}): every top-level entry is absent. */
  public static ConfigBuilder clean() {
    return new ConfigBuilder();
  }

  /** A builder holding {@code configuration}, to change parts of it. */
  public static ConfigBuilder from(Ipv8Configuration configuration) {
    ConfigBuilder b = new ConfigBuilder();
    b.interfaces = new ArrayList<>();
    for (InterfaceConfig i : configuration.interfaces()) {
      Interface editable = new Interface(i.interfaceName());
      editable.ip = i.ip();
      editable.port = i.port();
      editable.portAttempts = i.portAttempts();
      b.interfaces.add(editable);
    }
    b.keys = new ArrayList<>(configuration.keys());
    b.logger = configuration.logger();
    b.workingDirectory = configuration.workingDirectory();
    b.walkerInterval = configuration.walkerInterval();
    b.overlays = new ArrayList<>(configuration.overlays());
    return b;
  }

  /** Removes every key ({@code clear_keys}). */
  public ConfigBuilder clearKeys() {
    keys = new ArrayList<>();
    return this;
  }

  /** Removes every overlay ({@code clear_overlays}). */
  public ConfigBuilder clearOverlays() {
    overlays = new ArrayList<>();
    return this;
  }

  /** Sets the address of the first UDPIPv4 interface, adding one if there is none. */
  public ConfigBuilder setAddress(String ip) {
    return setAddress(ip, InterfaceConfig.UDP_IPV4);
  }

  /**
   * Sets the address of the first interface named {@code interfaceName}, adding one if there is
   * none ({@code set_address}). For local-only use give {@code 127.0.0.1} or {@code ::1}; for the
   * Internet {@code 0.0.0.0} or {@code ::}.
   *
   * @throws ConfigurationException when the interface name is unknown
   */
  public ConfigBuilder setAddress(String ip, String interfaceName) {
    Objects.requireNonNull(ip, "ip");
    editInterface(interfaceName).ip = ip;
    return this;
  }

  /** Sets the port of the first UDPIPv4 interface, adding one if there is none. */
  public ConfigBuilder setPort(int port) {
    return setPort(port, InterfaceConfig.UDP_IPV4);
  }

  /**
   * Sets the port of the first interface named {@code interfaceName}, adding one if there is none
   * ({@code set_port}). If the port is taken, the endpoint tries the ports above it.
   *
   * @throws ConfigurationException at once when the port is outside 0..65535 or the interface name
   *     is unknown
   */
  public ConfigBuilder setPort(int port, String interfaceName) {
    int index = interfaceIndex(interfaceName);
    try {
      InterfaceConfig.checkPort(port);
    } catch (ConfigurationException e) {
      throw e.under("interfaces[" + index + "]");
    }
    editInterface(interfaceName).port = port;
    return this;
  }

  /**
   * jipv8 extension: how many consecutive ports the first interface named {@code interfaceName}
   * tries, starting at its port (file key {@code jipv8_port_attempts}); 1 means "this port or
   * fail". py-ipv8 always tries 10,000.
   */
  public ConfigBuilder setPortAttempts(int attempts, String interfaceName) {
    editInterface(interfaceName).portAttempts = attempts;
    return this;
  }

  /**
   * Sets the log level ({@code set_log_level}).
   *
   * @throws ConfigurationException at once unless the level is CRITICAL, ERROR, WARNING, INFO,
   *     DEBUG or NOTSET
   */
  public ConfigBuilder setLogLevel(String level) {
    try {
      logger = new LoggerConfig(level);
    } catch (ConfigurationException e) {
      throw e.under("logger");
    }
    return this;
  }

  /** Sets the base directory for overlays ({@code set_working_directory}). */
  public ConfigBuilder setWorkingDirectory(String path) {
    workingDirectory = Objects.requireNonNull(path, "path");
    return this;
  }

  /**
   * Sets the seconds between strategy rounds ({@code set_walker_interval}). A negative value is
   * reported by {@link #finalizeConfig()}, as in py-ipv8.
   */
  public ConfigBuilder setWalkerInterval(double seconds) {
    walkerInterval = seconds;
    return this;
  }

  /**
   * Adds a key generated with {@code generation} and kept in {@code file}, replacing any key with
   * the same alias ({@code add_key}). An existing file is read instead of generating a key.
   *
   * @param generation curve25519, very-low, low, medium or high
   * @param file the key file, or "" to keep the key in memory only
   * @throws ConfigurationException at once when the generation is unknown
   */
  public ConfigBuilder addKey(String alias, String generation, String file) {
    KeyType type = generation(generation, "keys[" + nextKeyIndex(alias) + "].generation");
    return addKey(alias, type, file);
  }

  /** {@link #addKey(String, String, String)} with a typed generation. */
  public ConfigBuilder addKey(String alias, KeyType generation, String file) {
    Objects.requireNonNull(generation, "generation");
    return putKey(alias, () -> KeyConfig.generated(alias, generation, file));
  }

  /**
   * Adds a key from base64 private key material, kept in memory only ({@code add_key_from_bin}).
   */
  public ConfigBuilder addKeyFromBin(String alias, String base64) {
    return addKeyFromBin(alias, base64, "");
  }

  /**
   * Adds a key from base64 private key material, replacing any key with the same alias ({@code
   * add_key_from_bin}). If {@code file} exists it is read instead; if not, the key is written to
   * it.
   *
   * @param file the key file, or "" (or null) for none
   * @throws ConfigurationException at once when {@code base64} is not base64
   */
  public ConfigBuilder addKeyFromBin(String alias, String base64, String file) {
    Objects.requireNonNull(base64, "base64");
    return putKey(alias, () -> KeyConfig.fromBin(alias, base64, file));
  }

  /**
   * Adds a key that lives in memory only ({@code add_ephemeral_key}). This package cannot create
   * keys, so the caller supplies the private key bytes; the engine offers a supplier of fresh
   * curve25519 keys ({@code org.jipv8.reactor.config.EphemeralKeys.curve25519()}).
   *
   * @param privateKeyBin called once; returns a private key in py-ipv8's binary form
   */
  public ConfigBuilder addEphemeralKey(String alias, Supplier<byte[]> privateKeyBin) {
    byte[] bin = Objects.requireNonNull(privateKeyBin.get(), "privateKeyBin returned null");
    return addKeyFromBin(alias, Base64.getEncoder().encodeToString(bin), "");
  }

  /**
   * Adds an overlay, first removing every overlay with the same class name ({@code add_overlay}).
   *
   * @param className the overlay name registered with the engine
   * @param keyAlias an alias added with one of the {@code addKey} methods
   * @param walkers its strategies
   * @param bootstrappers its bootstrappers
   * @param initialize settings of the overlay by name
   * @param onStart method calls at start: {@code List.of(List.of("build_tunnels", 1))}
   */
  public ConfigBuilder addOverlay(
      String className,
      String keyAlias,
      List<WalkerConfig> walkers,
      List<BootstrapperConfig> bootstrappers,
      Map<String, ?> initialize,
      List<? extends List<?>> onStart) {
    return addOverlay(className, keyAlias, walkers, bootstrappers, initialize, onStart, false);
  }

  /**
   * Adds an overlay; unless {@code allowDuplicate}, first removes every overlay with the same class
   * name. Two instances of one overlay class are usually a mistake, hence the flag.
   *
   * @throws ConfigurationException at once when an argument is malformed
   */
  public ConfigBuilder addOverlay(
      String className,
      String keyAlias,
      List<WalkerConfig> walkers,
      List<BootstrapperConfig> bootstrappers,
      Map<String, ?> initialize,
      List<? extends List<?>> onStart,
      boolean allowDuplicate) {
    int index = overlays == null ? 0 : overlays.size();
    OverlayConfig overlay;
    try {
      overlay = OverlayConfig.of(className, keyAlias, walkers, bootstrappers, initialize, onStart);
    } catch (ConfigurationException e) {
      throw e.under("overlays[" + index + "]");
    }
    return addOverlay(overlay, allowDuplicate);
  }

  /** Adds a ready-made overlay entry; see the other {@code addOverlay} methods. */
  public ConfigBuilder addOverlay(OverlayConfig overlay, boolean allowDuplicate) {
    Objects.requireNonNull(overlay, "overlay");
    if (overlays == null) {
      overlays = new ArrayList<>();
    } else if (!allowDuplicate) {
      overlays.removeIf(o -> o.className().equals(overlay.className()));
    }
    overlays.add(overlay);
    return this;
  }

  /**
   * Checks what has been built and returns it ({@code finalize}). The builder stays usable.
   *
   * <p>Required: keys, logger, walker interval, overlays and working directory (each may be empty
   * where that makes sense). Interfaces are not required: with none the service needs an endpoint
   * supplied by the caller.
   *
   * @throws ConfigurationException naming every missing or invalid entry at once ({@link
   *     ConfigurationException#problems()})
   */
  public Ipv8Configuration finalizeConfig() {
    List<ConfigurationException> problems = new ArrayList<>();
    require(problems, keys, "keys", "call addKey(...), addKeyFromBin(...) or clearKeys()");
    require(problems, logger, "logger", "call setLogLevel(\"INFO\")");
    require(problems, walkerInterval, "walker_interval", "call setWalkerInterval(0.5)");
    require(problems, overlays, "overlays", "call addOverlay(...) or clearOverlays()");
    require(problems, workingDirectory, "working_directory", "call setWorkingDirectory(\".\")");
    List<InterfaceConfig> built = new ArrayList<>();
    if (interfaces != null) {
      for (int i = 0; i < interfaces.size(); i++) {
        try {
          built.add(interfaces.get(i).build());
        } catch (ConfigurationException e) {
          problems.add(e.under("interfaces[" + i + "]"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ConfigurationException.combine(problems);
    }
    return new Ipv8Configuration(built, keys, logger, workingDirectory, walkerInterval, overlays);
  }

  private static void require(
      List<ConfigurationException> problems, Object value, String path, String fix) {
    if (value == null) {
      problems.add(new ConfigurationException(path, "missing", fix));
    }
  }

  private ConfigBuilder putKey(String alias, Supplier<KeyConfig> entry) {
    KeyConfig key;
    try {
      key = entry.get();
    } catch (ConfigurationException e) {
      throw e.under("keys[" + nextKeyIndex(alias) + "]");
    }
    if (keys == null) {
      keys = new ArrayList<>();
    } else {
      keys.removeIf(k -> k.alias().equals(key.alias()));
    }
    keys.add(key);
    return this;
  }

  /** Where a key with {@code alias} lands: replacing removes the old entry, then appends. */
  private int nextKeyIndex(String alias) {
    if (keys == null) {
      return 0;
    }
    int others = 0;
    for (KeyConfig k : keys) {
      if (!k.alias().equals(alias)) {
        others++;
      }
    }
    return others;
  }

  private static KeyType generation(String name, String path) {
    if (name != null) {
      for (KeyType t : KeyType.values()) {
        if (t.configName().equals(name)) {
          return t;
        }
      }
    }
    List<String> accepted = new ArrayList<>();
    for (KeyType t : KeyType.values()) {
      accepted.add(t.configName());
    }
    throw ConfigurationException.notOneOf(path, "key generation", String.valueOf(name), accepted);
  }

  private int interfaceIndex(String interfaceName) {
    if (interfaces != null) {
      for (int i = 0; i < interfaces.size(); i++) {
        if (interfaces.get(i).name.equals(interfaceName)) {
          return i;
        }
      }
    }
    return interfaces == null ? 0 : interfaces.size();
  }

  private Interface editInterface(String interfaceName) {
    if (interfaceName == null || !InterfaceConfig.NAMES.contains(interfaceName)) {
      int index = interfaces == null ? 0 : interfaces.size();
      throw ConfigurationException.notOneOf(
          "interfaces[" + index + "].interface",
          "interface",
          String.valueOf(interfaceName),
          InterfaceConfig.NAMES);
    }
    if (interfaces == null) {
      interfaces = new ArrayList<>();
    }
    for (Interface i : interfaces) {
      if (i.name.equals(interfaceName)) {
        return i;
      }
    }
    Interface added = new Interface(interfaceName);
    interfaces.add(added);
    return added;
  }
}
