package org.jipv8.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bootstrapper of an overlay: an entry of {@code overlays[].bootstrappers}, written {@code
 * {"class": "DispersyBootstrapper", "init": {...}}}.
 *
 * <p>py-ipv8 silently skips bootstrapper classes it does not know (its quirk A1). jipv8 refuses
 * them instead, in {@link ConfigurationValidator#validateNames}: a misspelt bootstrapper would
 * otherwise leave a node that never finds its first peer.
 *
 * <p>The constructor throws {@link ConfigurationException} when the name is empty, {@code init}
 * holds a value a file cannot hold, or, for the built-in bootstrappers, {@code init} has an
 * argument they do not take or an {@code ip_addresses} entry that is not an {@code [ip, port]} pair
 * with an IP literal (a host name belongs in {@code dns_addresses}); every problem at once, paths
 * relative to the entry.
 *
 * @param className the bootstrapper name (file key {@code class})
 * @param init its keyword arguments (file key {@code init}); deep-immutable
 */
public record BootstrapperConfig(String className, Map<String, Object> init) {

  /** py-ipv8's bootstrap servers, the {@code ip_addresses} of the default bootstrapper. */
  public static final List<List<Object>> DEFAULT_TRACKER_IPS =
      List.of(
          List.of("130.161.119.206", 6421),
          List.of("130.161.119.206", 6422),
          List.of("131.180.27.155", 6423),
          List.of("131.180.27.156", 6424),
          List.of("131.180.27.161", 6427),
          List.of("131.180.27.161", 6521),
          List.of("131.180.27.161", 6522),
          List.of("131.180.27.162", 6523),
          List.of("131.180.27.162", 6524),
          List.of("130.161.119.215", 6525),
          List.of("130.161.119.215", 6526),
          List.of("130.161.119.201", 6527),
          List.of("130.161.119.201", 6528));

  /** py-ipv8's bootstrap server names, the {@code dns_addresses} of the default bootstrapper. */
  public static final List<List<Object>> DEFAULT_TRACKER_NAMES =
      List.of(
          List.of("dispersy1.tribler.org", 6421),
          List.of("dispersy1.st.tudelft.nl", 6421),
          List.of("dispersy2.tribler.org", 6422),
          List.of("dispersy2.st.tudelft.nl", 6422),
          List.of("dispersy3.tribler.org", 6423),
          List.of("dispersy3.st.tudelft.nl", 6423),
          List.of("dispersy4.tribler.org", 6424));

  /** The default bootstrapper's {@code bootstrap_timeout} in seconds. */
  public static final double DEFAULT_BOOTSTRAP_TIMEOUT = 30.0;

  public BootstrapperConfig {
    if (className == null || className.isEmpty()) {
      throw new ConfigurationException(
          "class", "missing or empty", "give a bootstrapper name such as DispersyBootstrapper");
    }
    init = ConfigValues.map(init, "init");
    List<ConfigurationException> problems =
        new java.util.ArrayList<>(
            InitChecks.unknownArguments(ConfigKeys.BOOTSTRAPPER_ARGUMENTS, className, init));
    if (className.equals(BootstrapperName.DISPERSY_BOOTSTRAPPER.configName())) {
      problems.addAll(InitChecks.ipAddresses(init.get("ip_addresses")));
    }
    if (!problems.isEmpty()) {
      throw ConfigurationException.combine(problems);
    }
  }

  /** A bootstrapper for one of py-ipv8's bootstrapper names. */
  public static BootstrapperConfig of(BootstrapperName name, Map<String, ?> init) {
    return new BootstrapperConfig(name.configName(), ConfigValues.map(init, "init"));
  }

  /** A bootstrapper for any name. */
  public static BootstrapperConfig of(String name, Map<String, ?> init) {
    return new BootstrapperConfig(name, ConfigValues.map(init, "init"));
  }

  /**
   * The {@code init} of py-ipv8's default bootstrapper ({@code DISPERSY_BOOTSTRAPPER["init"]}): the
   * 13 tracker addresses, the 7 tracker names and a 30 s {@code bootstrap_timeout}.
   */
  public static Map<String, Object> dispersyDefaultInit() {
    // Insertion order is the order py-ipv8 writes the keys in.
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("ip_addresses", DEFAULT_TRACKER_IPS);
    init.put("dns_addresses", DEFAULT_TRACKER_NAMES);
    init.put("bootstrap_timeout", DEFAULT_BOOTSTRAP_TIMEOUT);
    return ConfigValues.map(init, "init");
  }

  /** py-ipv8's default bootstrapper ({@code DISPERSY_BOOTSTRAPPER}), as a value. */
  public static BootstrapperConfig dispersyDefault() {
    return new BootstrapperConfig(
        BootstrapperName.DISPERSY_BOOTSTRAPPER.configName(), dispersyDefaultInit());
  }
}
