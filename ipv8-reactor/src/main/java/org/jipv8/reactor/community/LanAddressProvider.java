package org.jipv8.reactor.community;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Lists the IP addresses of this machine's network interfaces (py-ipv8's {@code
 * get_lan_addresses()}, runtime.md section 9.7). A community uses them to estimate its own LAN
 * address and to recognise peers on its own host.
 *
 * <p>Implementations may block briefly (interface enumeration); the community calls them off the
 * protocol thread. Tests inject {@link #fixed(String...)}.
 */
@FunctionalInterface
public interface LanAddressProvider {

  /** Addresses py-ipv8 never reports as LAN addresses. */
  Set<String> EXCLUDED =
      Set.of("127.0.0.1", "127.0.1.1", "0.0.0.0", "255.255.255.255", "0:0:0:0:0:0:0:1", "::1");

  /** The machine's addresses (IP literals), best first; never null, possibly empty. */
  List<String> lanAddresses();

  /** Always the given addresses (tests, or a host with a known interface). */
  static LanAddressProvider fixed(String... addresses) {
    List<String> list = List.of(addresses);
    return () -> list;
  }

  /** No LAN addresses at all: the LAN estimate falls back to 127.0.0.1. */
  static LanAddressProvider none() {
    return List::of;
  }

  /**
   * Enumerates the interfaces of this machine that are up, IPv4 addresses first, without the
   * addresses in {@link #EXCLUDED}. Interfaces that cannot be read are skipped.
   */
  static LanAddressProvider system() {
    return () -> {
      List<String> v4 = new ArrayList<>();
      List<String> v6 = new ArrayList<>();
      try {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          try {
            if (!nif.isUp()) {
              continue;
            }
          } catch (SocketException e) {
            continue;
          }
          for (InetAddress a : Collections.list(nif.getInetAddresses())) {
            String host = a.getHostAddress();
            int zone = host.indexOf('%');
            if (zone >= 0) {
              host = host.substring(0, zone);
            }
            if (EXCLUDED.contains(host)) {
              continue;
            }
            (host.indexOf(':') >= 0 ? v6 : v4).add(host);
          }
        }
      } catch (SocketException | RuntimeException e) {
        return List.of();
      }
      List<String> all = new ArrayList<>(v4);
      all.addAll(v6);
      return List.copyOf(all);
    };
  }
}
