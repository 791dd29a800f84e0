package org.jipv8.reactor.endpoint;

import java.util.Arrays;
import java.util.HexFormat;

/** A 22-byte community prefix as a map key (arrays compare by identity, this by content). */
final class PrefixKey {
  static final int LENGTH = 22;

  private final byte[] bytes;
  private final int hash;

  private PrefixKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The key of a caller-supplied prefix; fails naming the length when it is not 22 bytes. */
  static PrefixKey of(byte[] prefix) {
    if (prefix == null || prefix.length != LENGTH) {
      throw new IllegalArgumentException(
          "a community prefix has exactly 22 bytes, got "
              + (prefix == null ? "null" : prefix.length));
    }
    return new PrefixKey(prefix.clone());
  }

  /** The key of the first 22 bytes of a packet of at least that length. */
  static PrefixKey ofPacket(byte[] packet) {
    return new PrefixKey(Arrays.copyOf(packet, LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrefixKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
