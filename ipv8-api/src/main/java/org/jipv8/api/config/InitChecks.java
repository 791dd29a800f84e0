package org.jipv8.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;

/**
 * Load-time checks of the keyword arguments of built-in strategies and bootstrappers, so that a
 * misspelt argument or a host name where py-ipv8 needs an IP fails when the file is read, with the
 * key, instead of when the node runs. Names this package does not know are left to the engine.
 */
final class InitChecks {
  private InitChecks() {}

  /** Unknown argument names of a known strategy or bootstrapper, each naming the nearest one. */
  static List<ConfigurationException> unknownArguments(
      Map<String, List<ConfigArgument>> table, String name, Map<String, Object> init) {
    List<ConfigurationException> problems = new ArrayList<>();
    Optional<List<String>> accepted = ConfigKeys.argumentNames(table, name);
    if (accepted.isEmpty()) {
      return problems;
    }
    for (String key : init.keySet()) {
      if (!accepted.get().contains(key)) {
        ConfigurationException e =
            accepted.get().isEmpty()
                ? new ConfigurationException(
                    "init." + key, "unknown argument '" + key + "'", name + " takes no arguments")
                : ConfigurationException.notOneOf("init." + key, "argument", key, accepted.get());
        problems.add(new ConfigurationException(e.path(), e.problem() + " of " + name, e.fix()));
      }
    }
    return problems;
  }

  /**
   * The {@code ip_addresses} of a DispersyBootstrapper: a list of {@code [ip, port]} pairs whose ip
   * is an IP literal (py-ipv8 sends to them as they are; names belong in {@code dns_addresses}).
   */
  static List<ConfigurationException> ipAddresses(Object value) {
    List<ConfigurationException> problems = new ArrayList<>();
    if (value == null) {
      return problems;
    }
    if (!(value instanceof List<?> list)) {
      problems.add(
          new ConfigurationException(
              "init.ip_addresses",
              "expected a list of [ip, port] pairs, found " + value,
              "write [[\"127.0.0.1\", 18000]]"));
      return problems;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "init.ip_addresses[" + i + "]";
      Object item = list.get(i);
      if (!(item instanceof List<?> pair)
          || pair.size() != 2
          || !(pair.get(0) instanceof String host)
          || !(pair.get(1) instanceof Integer port)) {
        problems.add(
            new ConfigurationException(
                path,
                "expected an [ip, port] pair, found " + item,
                "write [\"127.0.0.1\", 18000]"));
        continue;
      }
      if (Address.of(host, 0).kind() == AddressKind.DOMAIN) {
        problems.add(
            new ConfigurationException(
                path + "[0]",
                "'" + host + "' is a host name, not an IP address",
                "give an IP literal such as 127.0.0.1, or move the entry to dns_addresses"
                    + " (resolved when the node starts)"));
      }
      if (port < 0 || port > 65_535) {
        problems.add(
            new ConfigurationException(
                path + "[1]", "port " + port + " is out of range", "use 0..65535"));
      }
    }
    return problems;
  }
}
