package org.jipv8.reactor.dht;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.CRC32;
import org.jipv8.api.address.Address;

/**
 * DHT node ids and the XOR distance between ids.
 *
 * <p>A node id is 20 bytes: the first 3 bytes of the CRC-32 (IEEE) of the node's masked IP address,
 * then the first 17 bytes of its mid. IPv4 addresses are masked with {@code 03 0f 3f ff}; IPv6
 * addresses keep their first 8 bytes, masked with {@code 01 03 07 0f 1f 3f 7f ff}. The port is not
 * used, so one key has one id per address it is seen at. Stateless and thread-safe.
 */
public final class NodeIds {
  /** Length of a node id, a key and a mid. */
  public static final int LENGTH = 20;

  private static final byte[] IPV4_MASK = {0x03, 0x0f, 0x3f, (byte) 0xff};
  private static final byte[] IPV6_MASK = {0x01, 0x03, 0x07, 0x0f, 0x1f, 0x3f, 0x7f, (byte) 0xff};

  private NodeIds() {}

  /**
   * The id of the node with {@code mid} seen at {@code address}.
   *
   * @throws IllegalArgumentException when the address is not an IP literal or the mid is short
   */
  public static byte[] of(Address address, byte[] mid) {
    Objects.requireNonNull(address, "address");
    if (mid.length < 17) {
      throw new IllegalArgumentException("a mid has 20 bytes, got " + mid.length);
    }
    CRC32 crc = new CRC32();
    crc.update(maskedIp(address));
    long value = crc.getValue();
    byte[] id = new byte[LENGTH];
    id[0] = (byte) (value >>> 24);
    id[1] = (byte) (value >>> 16);
    id[2] = (byte) (value >>> 8);
    System.arraycopy(mid, 0, id, 3, 17);
    return id;
  }

  /** The masked IP bytes the CRC-32 is taken of (4 bytes for IPv4, 8 for IPv6). */
  static byte[] maskedIp(Address address) {
    byte[] raw = ipBytes(address);
    byte[] mask = raw.length == 4 ? IPV4_MASK : IPV6_MASK;
    byte[] out = new byte[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = (byte) (raw[i] & mask[i]);
    }
    return out;
  }

  private static byte[] ipBytes(Address address) {
    String host = address.host();
    if (host.indexOf(':') < 0 && !host.matches("[0-9.]+")) {
      throw new IllegalArgumentException("a DHT node id needs an IP address, got " + host);
    }
    try {
      byte[] raw = InetAddress.getByName(host).getAddress();
      if (raw.length == 4 && host.indexOf(':') >= 0) {
        // ::ffff:a.b.c.d is an IPv6 address on the wire; keep its 16-byte form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
      }
      return raw;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + host, e);
    }
  }

  /** The XOR distance of two 20-byte ids as a non-negative 160-bit integer; smaller is closer. */
  public static BigInteger distance(byte[] a, byte[] b) {
    return new BigInteger(1, xor(a, b));
  }

  /** The XOR of two 20-byte ids, big-endian. */
  static byte[] xor(byte[] a, byte[] b) {
    if (a.length != LENGTH || b.length != LENGTH) {
      throw new IllegalArgumentException("ids have 20 bytes, got " + a.length + " and " + b.length);
    }
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  /**
   * Compares the distances of {@code a} and {@code b} to {@code target} without allocating:
   * negative when {@code a} is closer.
   */
  static int compareDistance(byte[] a, byte[] b, byte[] target) {
    for (int i = 0; i < LENGTH; i++) {
      int da = (a[i] ^ target[i]) & 0xff;
      int db = (b[i] ^ target[i]) & 0xff;
      if (da != db) {
        return Integer.compare(da, db);
      }
    }
    return 0;
  }

  /** The id as 160 characters '0'/'1', most significant bit first. */
  static String bits(byte[] id) {
    StringBuilder sb = new StringBuilder(id.length * 8);
    for (byte b : id) {
      for (int i = 7; i >= 0; i--) {
        sb.append(((b >> i) & 1) == 1 ? '1' : '0');
      }
    }
    return sb.toString();
  }

  /** A key of exactly 20 bytes: shorter input is zero-padded and longer cut, as the wire does. */
  static byte[] key(byte[] key) {
    Objects.requireNonNull(key, "key");
    return key.length == LENGTH ? key.clone() : Arrays.copyOf(key, LENGTH);
  }
}
