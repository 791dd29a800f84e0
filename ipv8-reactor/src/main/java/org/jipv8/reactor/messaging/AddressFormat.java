package org.jipv8.reactor.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;

/**
 * Address formats. {@code ipv4}: 4 address bytes + u16 port. {@code ip_address}: a type byte (1 =
 * IPv4, 3 = IPv6) then the address and port. {@code address}: like {@code ip_address} plus type 2,
 * a host name (u16 length + UTF-8 bytes) and port. An IPv4-mapped IPv6 literal is IPv6 (type 3).
 */
record AddressFormat(String name) implements FieldCodec {
  private static final int TYPE_IPV4 = 1;
  private static final int TYPE_DOMAIN = 2;
  private static final int TYPE_IPV6 = 3;

  @Override
  public void encode(WireWriter w, Object value, String field) {
    if (!(value instanceof Address a)) {
      throw FieldCodec.badValue(name, field, value, "an Address");
    }
    boolean v4 = a.isIpv4();
    if (name.equals("ipv4")) {
      if (!v4) {
        throw FieldCodec.badValue(name, field, value, "an IPv4 address");
      }
      writeIpv4(w, a.host());
      w.u16(a.port());
      return;
    }
    if (v4) {
      w.u8(TYPE_IPV4);
      writeIpv4(w, a.host());
    } else if (a.isIpv6()) {
      w.u8(TYPE_IPV6);
      w.bytes(ipBytes(a));
    } else if (name.equals("address")) {
      byte[] host = a.host().getBytes(StandardCharsets.UTF_8);
      w.u8(TYPE_DOMAIN);
      w.u16(host.length);
      w.bytes(host);
    } else {
      throw FieldCodec.badValue(name, field, value, "an IP address (host names need 'address')");
    }
    w.u16(a.port());
  }

  /**
   * Writes the four bytes of {@code host}, a literal {@link Address#isIpv4} accepted (so four
   * dot-separated decimal parts of at most 255), straight from its text: no parse into an array, no
   * socket address, on the path of every introduction.
   */
  private static void writeIpv4(WireWriter w, String host) {
    int part = 0;
    for (int i = 0, n = host.length(); i < n; i++) {
      char c = host.charAt(i);
      if (c == '.') {
        w.u8(part);
        part = 0;
      } else {
        part = part * 10 + (c - '0');
      }
    }
    w.u8(part);
  }

  private static byte[] ipBytes(Address a) {
    byte[] raw = a.toInetSocketAddress().getAddress().getAddress();
    if (!a.isIpv4() && raw.length == 4) {
      // The JDK turns ::ffff:a.b.c.d into an IPv4 address; py-ipv8 keeps it as 16 bytes.
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(raw, 0, mapped, 12, 4);
      return mapped;
    }
    return raw;
  }

  @Override
  public Object decode(WireReader r, String field) {
    if (name.equals("ipv4")) {
      return ipv4(r, field);
    }
    int at = r.offset();
    int type = r.u8(field);
    switch (type) {
      case TYPE_IPV4:
        return ipv4(r, field);
      case TYPE_IPV6:
        {
          byte[] ip = r.bytes(16, field);
          int port = r.u16(field);
          return new Address(ipv6Text(ip), port, AddressKind.UDPV6);
        }
      case TYPE_DOMAIN:
        if (name.equals("address")) {
          int len = r.u16(field);
          int hostAt = r.offset();
          byte[] host = r.bytes(len, field);
          int port = r.u16(field);
          return Address.domain(Utf8.decode(host, r, field, hostAt), port);
        }
        throw r.malformed(field, at, "host names are not allowed in " + name);
      default:
        throw r.malformed(field, at, "unknown address type " + type);
    }
  }

  private static Address ipv4(WireReader r, String field) {
    byte[] ip = r.bytes(4, field);
    int port = r.u16(field);
    return Address.ipv4(
        (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff), port);
  }

  private static String ipv6Text(byte[] ip) {
    try {
      InetAddress a = InetAddress.getByAddress(ip);
      if (a.getAddress().length == 4) {
        byte[] b = a.getAddress();
        return "::ffff:"
            + (b[0] & 0xff)
            + "."
            + (b[1] & 0xff)
            + "."
            + (b[2] & 0xff)
            + "."
            + (b[3] & 0xff);
      }
      return a.getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
