package org.jipv8.api.community;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 20-byte identifier of a community (overlay). Immutable; compares by content.
 *
 * @param bytes exactly 20 bytes (copied on the way in and out)
 */
public record CommunityId(byte[] bytes) {

  /** The prefix version byte of every community shipped with py-ipv8. */
  public static final int DEFAULT_VERSION = 2;

  public CommunityId {
    if (bytes == null || bytes.length != 20) {
      throw new IllegalArgumentException(
          "a community id has exactly 20 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    bytes = bytes.clone();
  }

  /** Parses 40 hex digits. */
  public static CommunityId fromHex(String hex) {
    try {
      return new CommunityId(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a community id is 40 hex digits (20 bytes), got '" + hex + "'", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The 22-byte packet prefix {@code 0x00 || version || id}. */
  public byte[] prefix(int version) {
    byte[] p = new byte[22];
    p[1] = (byte) version;
    System.arraycopy(bytes, 0, p, 2, 20);
    return p;
  }

  /** The prefix with the default version 2. */
  public byte[] prefix() {
    return prefix(DEFAULT_VERSION);
  }

  /** Lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommunityId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "CommunityId[" + hex() + "]";
  }
}
