package org.jipv8.api.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An immutable (host, port) pair with a {@link AddressKind kind}.
 *
 * <p>Equality and hashing use host and port only, as py-ipv8 does with its named tuples: an IPv4
 * address and the same IPv4 address tagged as a LAN hint are equal. IPv6 hosts are kept in
 * compressed canonical form so that textual variants of one address compare equal.
 *
 * @param host an IP literal or host name, never null
 * @param port 0..65535
 * @param kind the family or role of the address, never null
 */
public record Address(String host, int port, AddressKind kind) {

  /** The address py-ipv8 uses to mean "no address": {@code 0.0.0.0:0}. */
  public static final Address NULL = new Address("0.0.0.0", 0, AddressKind.UDPV4);

  public Address {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(kind, "kind");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (kind == AddressKind.UDPV6 || (kind != AddressKind.DOMAIN && host.indexOf(':') >= 0)) {
      host = IpLiterals.canonicalIpv6(host);
    }
  }

  /** An IPv4 wire address. */
  public static Address ipv4(String host, int port) {
    return new Address(host, port, AddressKind.UDPV4);
  }

  /** An IPv4 LAN hint. */
  public static Address lan(String host, int port) {
    return new Address(host, port, AddressKind.UDPV4_LAN);
  }

  /** An IPv6 wire address. */
  public static Address ipv6(String host, int port) {
    return new Address(host, port, AddressKind.UDPV6);
  }

  /** A host-name address (only meaningful in the {@code address} format). */
  public static Address domain(String host, int port) {
    return new Address(host, port, AddressKind.DOMAIN);
  }

  /**
   * An address whose kind is guessed from the host text: IPv4 literal, IPv6 literal (including
   * IPv4-mapped forms) or, otherwise, a domain name. Never resolves names.
   */
  public static Address of(String host, int port) {
    if (IpLiterals.isIpv4Literal(host)) {
      return ipv4(host, port);
    }
    if (IpLiterals.isIpv6Literal(host)) {
      return ipv6(host, port);
    }
    return domain(host, port);
  }

  /**
   * Parses {@code host:port}, {@code [v6]:port} or {@code v6-literal:port} text.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static Address parse(String text) {
    Objects.requireNonNull(text, "text");
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("not an address of the form [ipv6]:port: " + text);
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("not an address of the form host:port: " + text);
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    try {
      return of(host, Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in address '" + text + "'", e);
    }
  }

  /** The address of a socket, tagged by its family. */
  public static Address of(InetSocketAddress socketAddress) {
    InetAddress ip = socketAddress.getAddress();
    if (ip instanceof Inet4Address) {
      return ipv4(ip.getHostAddress(), socketAddress.getPort());
    }
    if (ip instanceof Inet6Address) {
      return ipv6(ip.getHostAddress(), socketAddress.getPort());
    }
    return domain(socketAddress.getHostString(), socketAddress.getPort());
  }

  /** The same host and port with another kind. */
  public Address withKind(AddressKind newKind) {
    return new Address(host, port, newKind);
  }

  /** True for {@code 0.0.0.0:0}. */
  public boolean isNull() {
    return port == 0 && "0.0.0.0".equals(host);
  }

  /** True when the host is an IPv4 literal (whatever the kind says). */
  public boolean isIpv4() {
    return IpLiterals.isIpv4Literal(host);
  }

  /** True when the host is an IPv6 literal. */
  public boolean isIpv6() {
    return kind != AddressKind.DOMAIN && IpLiterals.isIpv6Literal(host);
  }

  /** True for 127.0.0.0/8 and ::1 (and the IPv4-mapped form of 127.0.0.0/8). */
  public boolean isLoopback() {
    return IpLiterals.isLoopback(host);
  }

  /** True for the private IPv4 ranges 10/8, 172.16/12 and 192.168/16. */
  public boolean isPrivateIpv4() {
    return IpLiterals.isPrivateIpv4(host);
  }

  /** A socket address without DNS resolution for IP literals. */
  public InetSocketAddress toInetSocketAddress() {
    if (kind == AddressKind.DOMAIN) {
      return InetSocketAddress.createUnresolved(host, port);
    }
    return new InetSocketAddress(IpLiterals.toInetAddress(host), port);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && port == other.port && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + port;
  }

  @Override
  public String toString() {
    return isIpv6() ? "[" + host + "]:" + port : host + ":" + port;
  }
}
