package org.jipv8.api.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.keys.KeyType;

/**
 * A complete IPv8 configuration: py-ipv8's configuration dictionary as an immutable value, with its
 * six top-level keys {@code interfaces}, {@code keys}, {@code logger}, {@code working_directory},
 * {@code walker_interval} and {@code overlays}.
 *
 * <p>An instance is always self-consistent: every part validated itself, the walker interval is a
 * finite number of seconds that is not negative, and every overlay's key alias is defined. Names
 * that depend on the engine (overlay, strategy and bootstrapper names) are checked separately by
 * {@link ConfigurationValidator#validateNames}.
 *
 * <p>Two entries of {@code interfaces} with the same name are allowed; as in py-ipv8 the last one
 * wins. Two keys with the same alias are allowed too; again the last one wins.
 *
 * <p>The constructor throws {@link ConfigurationException} naming the offending entry.
 *
 * @param interfaces the sockets to bind; may be empty (for example with an endpoint override)
 * @param keys the identities, by alias
 * @param logger logging settings
 * @param workingDirectory base directory for overlays (file key {@code working_directory}); not
 *     used by the service itself
 * @param walkerInterval seconds between strategy rounds (file key {@code walker_interval})
 * @param overlays the overlays to create, in order
 */
public record Ipv8Configuration(
    List<InterfaceConfig> interfaces,
    List<KeyConfig> keys,
    LoggerConfig logger,
    String workingDirectory,
    double walkerInterval,
    List<OverlayConfig> overlays) {

  /** py-ipv8's default key alias. */
  public static final String DEFAULT_KEY_ALIAS = "anonymous id";

  private static final Ipv8Configuration DEFAULTS = buildDefaults();

  public Ipv8Configuration {
    interfaces = entries(interfaces, "interfaces");
    keys = entries(keys, "keys");
    if (logger == null) {
      throw new ConfigurationException("logger", "missing", "give {\"level\": \"INFO\"}");
    }
    if (workingDirectory == null) {
      throw new ConfigurationException(
          "working_directory", "missing", "give a directory, for example \".\"");
    }
    if (!Double.isFinite(walkerInterval) || walkerInterval < 0) {
      throw new ConfigurationException(
          "walker_interval",
          "interval " + walkerInterval + " is not a number of seconds of 0 or more",
          "use a number of seconds of 0 or more, for example 0.5");
    }
    overlays = entries(overlays, "overlays");
    Set<String> aliases = new LinkedHashSet<>();
    keys.forEach(k -> aliases.add(k.alias()));
    for (int i = 0; i < overlays.size(); i++) {
      String alias = overlays.get(i).key();
      if (!aliases.contains(alias)) {
        throw ConfigurationException.notOneOf(
            "overlays[" + i + "].key", "key alias", alias, aliases);
      }
    }
  }

  /**
   * py-ipv8's default configuration ({@code get_default_configuration()}): one IPv4 interface on
   * 0.0.0.0:8090, the curve25519 key "anonymous id" kept in {@code ec_multichain.pem}, level INFO,
   * working directory ".", walker interval 0.5 s, and the DiscoveryCommunity, HiddenTunnelCommunity
   * and DHTDiscoveryCommunity with their walkers and the default bootstrapper.
   *
   * <p>Unlike py-ipv8 (quirk A23) no part is shared mutable state: the value is immutable, so every
   * caller sees the same defaults.
   */
  public static Ipv8Configuration defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from this configuration. */
  public ConfigBuilder toBuilder() {
    return ConfigBuilder.from(this);
  }

  /** The key entry with {@code alias} (the last, if several), or null. */
  public KeyConfig key(String alias) {
    KeyConfig found = null;
    for (KeyConfig k : keys) {
      if (k.alias().equals(alias)) {
        found = k;
      }
    }
    return found;
  }

  private static <T> List<T> entries(List<T> list, String path) {
    if (list == null) {
      throw new ConfigurationException(path, "missing", "give a list, possibly empty");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new ConfigurationException(path + "[" + i + "]", "is null", "remove the entry");
      }
    }
    return List.copyOf(list);
  }

  private static Ipv8Configuration buildDefaults() {
    Map<String, Object> timeout = Map.of("timeout", 3.0);
    WalkerConfig randomWalk = new WalkerConfig("RandomWalk", 20, timeout);
    Map<String, Object> churn = new LinkedHashMap<>();
    churn.put("sample_size", 8);
    churn.put("ping_interval", 10.0);
    churn.put("inactive_time", 27.5);
    churn.put("drop_time", 57.5);
    Map<String, Object> tunnels = new LinkedHashMap<>();
    tunnels.put("min_circuits", 1);
    tunnels.put("max_circuits", 1);
    tunnels.put("max_joined_circuits", 100);
    tunnels.put("max_time", 600);
    tunnels.put("max_time_inactive", 20);
    tunnels.put("max_traffic", 262_144_000);
    tunnels.put("dht_lookup_interval", 30);
    List<BootstrapperConfig> trackers = List.of(BootstrapperConfig.dispersyDefault());
    return new Ipv8Configuration(
        List.of(InterfaceConfig.ipv4("0.0.0.0", 8090)),
        List.of(KeyConfig.generated(DEFAULT_KEY_ALIAS, KeyType.CURVE25519, "ec_multichain.pem")),
        LoggerConfig.DEFAULT,
        ".",
        0.5,
        List.of(
            new OverlayConfig(
                "DiscoveryCommunity",
                DEFAULT_KEY_ALIAS,
                List.of(
                    randomWalk,
                    new WalkerConfig("RandomChurn", WalkerConfig.ALWAYS, churn),
                    new WalkerConfig("PeriodicSimilarity", WalkerConfig.ALWAYS, Map.of())),
                trackers,
                Map.of(),
                List.of()),
            new OverlayConfig(
                "HiddenTunnelCommunity",
                DEFAULT_KEY_ALIAS,
                List.of(randomWalk),
                trackers,
                tunnels,
                List.of(List.of("build_tunnels", 1))),
            new OverlayConfig(
                "DHTDiscoveryCommunity",
                DEFAULT_KEY_ALIAS,
                List.of(randomWalk, new WalkerConfig("PingChurn", WalkerConfig.ALWAYS, Map.of())),
                trackers,
                Map.of(),
                List.of())));
  }
}
