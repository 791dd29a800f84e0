package org.jipv8.api.address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parsing of IP literals without ever touching DNS. */
final class IpLiterals {
  private IpLiterals() {}

  static boolean isIpv4Literal(String host) {
    return parseIpv4(host) != null;
  }

  static byte[] parseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
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
    byte[] v4 = parseIpv4(host);
    if (v4 != null) {
      return v4[0] == 127;
    }
    if (isIpv6Literal(host)) {
      InetAddress a = toInetAddress(host);
      return a.isLoopbackAddress();
    }
    return false;
  }

  static boolean isPrivateIpv4(String host) {
    byte[] v4 = parseIpv4(host);
    if (v4 == null) {
      return false;
    }
    int a = v4[0] & 0xff;
    int b = v4[1] & 0xff;
    return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }
}
