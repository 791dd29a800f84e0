package org.jipv8.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key a configuration file may hold, with the default a missing key takes and what it means:
 * the single list that the file reader accepts, that {@code ipv8 config --check} reports defaults
 * from, and that the configuration reference ({@code docs/configuration.md}) is generated from (a
 * test fails when the page and this list disagree).
 *
 * <p>Defaults are py-ipv8's (its {@code get_default_configuration()} and the defaults of its
 * strategies and bootstrappers), with three documented exceptions that keep a forgotten key from
 * reaching the public Internet: a missing {@code overlays} is an empty list (py-ipv8's default
 * names overlays jipv8 does not implement), a missing {@code walkers} or {@code bootstrappers} of
 * an overlay is an empty list (py-ipv8 requires them), and a key entry without {@code generation},
 * {@code bin} and {@code file} is a fresh curve25519 key kept in memory.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /**
   * The top-level, interface, key, logger, overlay, walker and bootstrapper keys, in file order.
   */
  public static final List<ConfigKey> ALL =
      List.of(
          key(
              "interfaces",
              "[{\"interface\": \"UDPIPv4\", \"ip\": \"0.0.0.0\", \"port\": 8090}]",
              "The UDP sockets to bind. One `UDPIPv4` and one `UDPIPv6` entry make a dual-stack"
                  + " node; a later entry with the same `interface` replaces an earlier one."),
          key(
              "interfaces[].interface",
              "\"UDPIPv4\"",
              "`UDPIPv4` or `UDPIPv6` (bound with IPV6_V6ONLY)."),
          key(
              "interfaces[].ip",
              "\"0.0.0.0\"",
              "The local address to bind (`::` is the default for `UDPIPv6`): an IP literal of the"
                  + " interface's family, or a host name, resolved once when the node starts."
                  + " `127.0.0.1` / `::1` keep the node on this machine."),
          key(
              "interfaces[].port",
              "0",
              "0..65535; 0 lets the operating system choose a free port."),
          key(
              "interfaces[].jipv8_port_attempts",
              "1",
              "jipv8 extension: how many consecutive ports to try, starting at `port`. 1 means a"
                  + " taken port fails at once, naming the address; py-ipv8 always tries 10000."),
          key(
              "keys",
              "[{\"alias\": \"anonymous id\", \"generation\": \"curve25519\", \"file\":"
                  + " \"ec_multichain.pem\"}]",
              "The node's identities, by alias. The default writes `ec_multichain.pem` into the"
                  + " working directory of the process, as py-ipv8 does."),
          key("keys[].alias", null, "The name overlays use in their `key`."),
          key(
              "keys[].generation",
              "\"curve25519\"",
              "The key type to generate when neither `file` exists nor `bin` is given:"
                  + " `curve25519`, `very-low`, `low`, `medium` or `high`."),
          key(
              "keys[].file",
              "\"\"",
              "A key file in py-ipv8's format: read when it exists, otherwise written with the new"
                  + " key. `\"\"` keeps the key in memory only. Relative to the process's directory."),
          key(
              "keys[].bin",
              "null",
              "The private key as standard base64 (py-ipv8's `key_to_bin()`), instead of a file."),
          key("logger", "{\"level\": \"INFO\"}", "Logging settings."),
          key(
              "logger.level",
              "\"INFO\"",
              "`CRITICAL`, `ERROR`, `WARNING`, `INFO`, `DEBUG` or `NOTSET`, applied to the"
                  + " `org.jipv8` loggers when the SLF4J binding allows it (see docs/logging.md)."),
          key(
              "working_directory",
              "\".\"",
              "Base directory for overlays; the node itself does not use it."),
          key(
              "walker_interval",
              "0.5",
              "Seconds between two rounds of the strategy loop (0 or more)."),
          key(
              "overlays",
              "[]",
              "The overlays to create, in order. py-ipv8's default lists three overlays, two of"
                  + " which jipv8 does not implement, so a missing list means no overlays."),
          key(
              "overlays[].class",
              null,
              "The overlay name: `DiscoveryCommunity` is built in; register others with"
                  + " `Ipv8.builder().overlay(MyCommunity.class, MyCommunity::new)`."),
          key("overlays[].key", null, "The alias of an entry of `keys`."),
          key(
              "overlays[].walkers",
              "[]",
              "Discovery strategies, each run while the overlay has fewer peers than its `peers`."),
          key(
              "overlays[].walkers[].strategy",
              null,
              "`RandomWalk` or `EdgeWalk`, or a name from the overlay's `availableStrategies()`"
                  + " (`RandomChurn` and `PeriodicSimilarity` for the DiscoveryCommunity)."),
          key(
              "overlays[].walkers[].peers",
              "20",
              "Run the strategy while the overlay has fewer peers than this; -1 runs it always."),
          key(
              "overlays[].walkers[].init",
              "{}",
              "The strategy's keyword arguments; see the strategy arguments below."),
          key(
              "overlays[].bootstrappers",
              "[]",
              "Where the first peers come from. py-ipv8's default is `DispersyBootstrapper` with"
                  + " the public trackers; jipv8 never adds them silently."),
          key(
              "overlays[].bootstrappers[].class",
              null,
              "`DispersyBootstrapper` (trackers at known addresses) or `UDPBroadcastBootstrapper`"
                  + " (the local network)."),
          key(
              "overlays[].bootstrappers[].init",
              "{}",
              "The bootstrapper's keyword arguments; see the bootstrapper arguments below."),
          key(
              "overlays[].initialize",
              "{}",
              "Settings of the overlay: `max_peers` (below), and the keys an overlay declares."),
          key(
              "overlays[].on_start",
              "[]",
              "A list of calls, each a list `[\"methodName\", arg1, ...]` of a public method of the"
                  + " overlay, made once the node runs: `[[\"startTalking\"]]`."),
          key(
              "address",
              "\"0.0.0.0\"",
              "Deprecated (py-ipv8 reads it too): one more `UDPIPv4` interface on this address;"
                  + " use `interfaces`."),
          key(
              "port",
              "8090",
              "Deprecated: the port of the `address` interface; use `interfaces`."));

  /** The settings every overlay understands in {@code initialize}. */
  public static final List<ConfigArgument> OVERLAY_SETTINGS =
      List.of(
          new ConfigArgument(
              "max_peers",
              "30",
              "soft limit on verified peers: introduction requests are refused once the overlay"
                  + " has more, but peers that answer the node's own walks are still added (as in"
                  + " py-ipv8), so a count can pass it; -1 is unlimited"));

  /** The {@code init} arguments of the built-in strategies, by strategy name. */
  public static final Map<String, List<ConfigArgument>> STRATEGY_ARGUMENTS = strategyArguments();

  /** The {@code init} arguments of the built-in bootstrappers, by bootstrapper name. */
  public static final Map<String, List<ConfigArgument>> BOOTSTRAPPER_ARGUMENTS =
      bootstrapperArguments();

  /** The key with {@code path}, if there is one. */
  public static Optional<ConfigKey> find(String path) {
    return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
  }

  /**
   * The names of the keys directly inside {@code parent}, in file order: {@code childrenOf("")}
   * lists the top-level keys, {@code childrenOf("overlays[]")} the keys of an overlay entry.
   */
  public static List<String> childrenOf(String parent) {
    List<String> names = new ArrayList<>();
    for (ConfigKey k : ALL) {
      if (k.parent().equals(parent)) {
        names.add(k.name());
      }
    }
    return List.copyOf(names);
  }

  /** The argument names of a built-in strategy or bootstrapper, empty when the name is not one. */
  public static Optional<List<String>> argumentNames(
      Map<String, List<ConfigArgument>> table, String name) {
    List<ConfigArgument> args = table.get(name);
    return args == null
        ? Optional.empty()
        : Optional.of(args.stream().map(ConfigArgument::name).toList());
  }

  /**
   * The configuration reference as Markdown, generated from this class: a table of every key (path,
   * default or "required", meaning), then the settings of {@code initialize} and the arguments of
   * the built-in strategies and bootstrappers. {@code docs/configuration.md} holds this text
   * between the markers {@code <!-- generated from ConfigKeys -->} and {@code <!-- end generated
   * -->}; a test fails when it differs.
   */
  public static String markdownReference() {
    StringBuilder sb = new StringBuilder();
    sb.append("| key | when missing | meaning |\n|---|---|---|\n");
    for (ConfigKey k : ALL) {
      sb.append("| `")
          .append(k.path())
          .append("` | ")
          .append(k.required() ? "**required**" : "`" + k.defaultValue() + "`")
          .append(" | ")
          .append(k.meaning())
          .append(" |\n");
    }
    sb.append("\n### `initialize` settings every overlay understands\n\n");
    arguments(sb, OVERLAY_SETTINGS);
    sb.append("\n### Strategy arguments (`walkers[].init`)\n");
    STRATEGY_ARGUMENTS.forEach(
        (name, args) -> {
          sb.append("\n**").append(name).append("**");
          if (args.isEmpty()) {
            sb.append(": no arguments.\n");
          } else {
            sb.append("\n\n");
            arguments(sb, args);
          }
        });
    sb.append("\n### Bootstrapper arguments (`bootstrappers[].init`)\n");
    BOOTSTRAPPER_ARGUMENTS.forEach(
        (name, args) -> {
          sb.append("\n**").append(name).append("**\n\n");
          arguments(sb, args);
        });
    return sb.toString();
  }

  private static void arguments(StringBuilder sb, List<ConfigArgument> args) {
    sb.append("| argument | when missing | meaning |\n|---|---|---|\n");
    for (ConfigArgument a : args) {
      sb.append("| `")
          .append(a.name())
          .append("` | `")
          .append(a.defaultValue())
          .append("` | ")
          .append(a.meaning())
          .append(" |\n");
    }
  }

  private static ConfigKey key(String path, String defaultValue, String meaning) {
    return new ConfigKey(path, defaultValue, meaning);
  }

  private static Map<String, List<ConfigArgument>> strategyArguments() {
    Map<String, List<ConfigArgument>> m = new LinkedHashMap<>();
    m.put(
        "RandomWalk",
        List.of(
            new ConfigArgument("timeout", "3.0", "seconds before an unanswered walk is forgotten"),
            new ConfigArgument("window_size", "5", "walks in flight at once"),
            new ConfigArgument("reset_chance", "50", "percent chance to walk from a tracker again"),
            new ConfigArgument("target_interval", "0", "minimum seconds between two walks")));
    m.put(
        "EdgeWalk",
        List.of(
            new ConfigArgument("edge_length", "4", "hops of one edge"),
            new ConfigArgument("neighborhood_size", "6", "peers the edges start from"),
            new ConfigArgument("edge_timeout", "3.0", "seconds before a silent edge is dropped")));
    m.put(
        "RandomChurn",
        List.of(
            new ConfigArgument("sample_size", "8", "peers checked per step"),
            new ConfigArgument("ping_interval", "10.0", "seconds between pings of one peer"),
            new ConfigArgument("inactive_time", "27.5", "seconds of silence before a ping"),
            new ConfigArgument("drop_time", "57.5", "seconds of silence before removal")));
    m.put("PeriodicSimilarity", List.of());
    m.put(
        "PingChurn",
        List.of(new ConfigArgument("ping_interval", "25.0", "seconds between pings of a peer")));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, List<ConfigArgument>> bootstrapperArguments() {
    Map<String, List<ConfigArgument>> m = new LinkedHashMap<>();
    m.put(
        "DispersyBootstrapper",
        List.of(
            new ConfigArgument(
                "ip_addresses", "[]", "trackers as `[[ip, port], ...]`; IP literals only"),
            new ConfigArgument(
                "dns_addresses", "[]", "trackers as `[[host name, port], ...]`, resolved at start"),
            new ConfigArgument("bootstrap_timeout", "30.0", "seconds between two rounds")));
    m.put(
        "UDPBroadcastBootstrapper",
        List.of(
            new ConfigArgument("bootstrap_timeout", "30.0", "seconds between two rounds"),
            new ConfigArgument("first_port", "8090", "first port a beacon is sent to"),
            new ConfigArgument("last_port", "8189", "last port a beacon is sent to")));
    return java.util.Collections.unmodifiableMap(m);
  }
}
