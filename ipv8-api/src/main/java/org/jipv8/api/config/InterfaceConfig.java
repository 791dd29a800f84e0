package org.jipv8.api.config;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;

/**
 * One socket to bind: an entry of {@code interfaces}, written {@code {"interface": "UDPIPv4", "ip":
 * "0.0.0.0", "port": 8090}}.
 *
 * <p>py-ipv8 lets {@code ip} and {@code port} be left out, in which case the endpoint's own
 * defaults apply ({@code 0.0.0.0} or {@code ::}, and port 0, meaning "any free port"). Here those
 * defaults are filled in when the entry is read, so the record always holds concrete values.
 *
 * <p>jipv8 extension: {@code jipv8_port_attempts} ({@link #portAttempts()}). When the port is
 * taken, py-ipv8 tries the next port up, 10,000 times in all; this key changes that number, and 1
 * means "this port or fail". It is written to files only when it differs from the default, so files
 * written for default settings stay loadable by py-ipv8 (which would refuse the key).
 *
 * <p>The constructor throws {@link ConfigurationException} when a value is out of range (paths
 * relative to the entry).
 *
 * @param interfaceName {@value #UDP_IPV4} or {@value #UDP_IPV6} (file key {@code interface})
 * @param ip the local address to bind: an IP literal of the interface's family, or a host name
 * @param port 0..65535; 0 lets the operating system choose
 * @param portAttempts at least 1: how many consecutive ports to try, starting at {@code port}
 */
public record InterfaceConfig(String interfaceName, String ip, int port, int portAttempts) {

  /** The IPv4 UDP interface name. */
  public static final String UDP_IPV4 = "UDPIPv4";

  /** The IPv6 UDP interface name. */
  public static final String UDP_IPV6 = "UDPIPv6";

  /** The interface names py-ipv8 knows. */
  public static final List<String> NAMES = List.of(UDP_IPV4, UDP_IPV6);

  /**
   * Bind attempts by default: 1, so a taken port fails at once with a message naming the address.
   * py-ipv8 silently moves up to {@link #PY_IPV8_PORT_ATTEMPTS} ports; ask for that with {@code
   * jipv8_port_attempts}.
   */
  public static final int DEFAULT_PORT_ATTEMPTS = 1;

  /** py-ipv8's number of bind attempts (port, port + 1, ...). */
  public static final int PY_IPV8_PORT_ATTEMPTS = 10_000;

  public InterfaceConfig {
    if (interfaceName == null) {
      throw new ConfigurationException("interface", "missing", "use UDPIPv4 or UDPIPv6");
    }
    if (!NAMES.contains(interfaceName)) {
      throw ConfigurationException.notOneOf("interface", "interface", interfaceName, NAMES);
    }
    if (ip == null || ip.isBlank()) {
      throw new ConfigurationException(
          "ip", "empty", "give the local address to bind, for example " + defaultIp(interfaceName));
    }
    AddressKind kind = Address.of(ip, 0).kind();
    if (interfaceName.equals(UDP_IPV4) && kind == AddressKind.UDPV6) {
      throw new ConfigurationException(
          "ip",
          ip + " is an IPv6 address on interface UDPIPv4",
          "use an IPv4 address such as 0.0.0.0, or interface UDPIPv6");
    }
    if (interfaceName.equals(UDP_IPV6) && kind == AddressKind.UDPV4) {
      throw new ConfigurationException(
          "ip",
          ip + " is an IPv4 address on interface UDPIPv6",
          "use an IPv6 address such as ::, or interface UDPIPv4");
    }
    checkPort(port);
    if (portAttempts < 1) {
      throw new ConfigurationException(
          "jipv8_port_attempts",
          "must be at least 1, was " + portAttempts,
          "1 binds exactly the given port; py-ipv8 tries " + PY_IPV8_PORT_ATTEMPTS);
    }
  }

  /** An interface with py-ipv8's 10,000 bind attempts. */
  public InterfaceConfig(String interfaceName, String ip, int port) {
    this(interfaceName, ip, port, DEFAULT_PORT_ATTEMPTS);
  }

  /** {@code {"interface": "UDPIPv4", "ip": ip, "port": port}}. */
  public static InterfaceConfig ipv4(String ip, int port) {
    return new InterfaceConfig(UDP_IPV4, ip, port);
  }

  /** {@code {"interface": "UDPIPv6", "ip": ip, "port": port}}. */
  public static InterfaceConfig ipv6(String ip, int port) {
    return new InterfaceConfig(UDP_IPV6, ip, port);
  }

  /**
   * The address an interface binds when {@code ip} is left out: {@code 0.0.0.0} for UDPIPv4, {@code
   * ::} for UDPIPv6 (and for unknown names, which fail later).
   */
  public static String defaultIp(String interfaceName) {
    return UDP_IPV4.equals(interfaceName) ? "0.0.0.0" : "::";
  }

  /** This entry with another address. */
  public InterfaceConfig withIp(String newIp) {
    return new InterfaceConfig(interfaceName, newIp, port, portAttempts);
  }

  /** This entry with another port. */
  public InterfaceConfig withPort(int newPort) {
    return new InterfaceConfig(interfaceName, ip, newPort, portAttempts);
  }

  /** This entry with another number of bind attempts. */
  public InterfaceConfig withPortAttempts(int attempts) {
    return new InterfaceConfig(interfaceName, ip, port, attempts);
  }

  static void checkPort(long port) {
    if (port < 0 || port > 65_535) {
      throw new ConfigurationException(
          "port",
          "port " + port + " is out of range",
          "use 0..65535 (0 lets the operating system choose)");
    }
  }
}
