package org.jipv8.reactor.dht;

import java.util.Arrays;
import java.util.HexFormat;

/** A byte string usable as a map key (equal by content). Immutable: it keeps its own copy. */
record ByteKey(byte[] bytes) {
  ByteKey {
    bytes = bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
