package org.jipv8.api.address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parsing of IP literals without ever touching DNS. */
final class IpLiterals {
  private IpLiterals() {}

  static boolean isIpv4Literal(String host) {
    return ipv4Bits(host) >= 0;
  }

  /**
   * The dotted-quad IPv4 literal {@code host} (four parts of 1 to 3 decimal digits, each at most
   * 255, leading zeros allowed) as its 32 bits in the low half, or -1 when it is not one. Allocates
   * nothing: it is asked for every address encoded on the wire.
   */
  static long ipv4Bits(String host) {
    int n = host.length();
    if (n < 7 || n > 15) {
      return -1;
    }
    long bits = 0;
    int dots = 0;
    int digits = 0;
    int part = 0;
    for (int i = 0; i < n; i++) {
      char c = host.charAt(i);
      if (c == '.') {
        if (digits == 0 || dots == 3) {
          return -1;
        }
        bits = (bits << 8) | part;
        dots++;
        digits = 0;
        part = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        digits++;
        part = part * 10 + (c - '0');
        if (part > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return digits == 0 || dots != 3 ? -1 : (bits << 8) | part;
  }

  static byte[] parseIpv4(String host) {
    long bits = ipv4Bits(host);
    if (bits < 0) {
      return null;
    }
    return new byte[] {
      (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
  }

  static boolean isIpv6Literal(String host) {
    if (host.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == ':'
              || c == '.'
              || c == '%';
      if (!ok) {
        return false;
      }
    }
    try {
      InetAddress.getByName(host);
      return true;
    } catch (UnknownHostException | IllegalArgumentException e) {
      return false;
    }
  }

  /** IPv6 text in RFC 5952 compressed form, as Python's ipaddress module prints it. */
  static String canonicalIpv6(String host) {
    if (!isIpv6Literal(host)) {
      return host;
    }
    byte[] b = toInetAddress(host).getAddress();
    if (b.length == 4) {
      // InetAddress turns ::ffff:a.b.c.d into an Inet4Address; keep the mapped IPv6 spelling.
      return "::ffff:"
          + (b[0] & 0xff)
          + "."
          + (b[1] & 0xff)
          + "."
          + (b[2] & 0xff)
          + "."
          + (b[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] == 0) {
        int j = i;
        while (j < 8 && groups[j] == 0) {
          j++;
        }
        if (j - i > bestLen && j - i >= 2) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      sb.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  static InetAddress toInetAddress(String host) {
    byte[] v4 = parseIpv4(host);
    try {
      if (v4 != null) {
        return InetAddress.getByAddress(v4);
      }
      if (isIpv6Literal(host)) {
        return InetAddress.getByName(host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + host, e);
    }
    throw new IllegalArgumentException("not an IP literal: " + host);
  }

  static boolean isLoopback(String host) {
    // Asked for every datagram by the loopback guard: no array.
    long v4 = ipv4Bits(host);
    if (v4 >= 0) {
      return v4 >>> 24 == 127;
    }
    if (isIpv6Literal(host)) {
      InetAddress a = toInetAddress(host);
      return a.isLoopbackAddress();
    }
    return false;
  }

  static boolean isPrivateIpv4(String host) {
    long v4 = ipv4Bits(host);
    if (v4 < 0) {
      return false;
    }
    int a = (int) (v4 >>> 24);
    int b = (int) (v4 >>> 16) & 0xff;
    return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }
}
