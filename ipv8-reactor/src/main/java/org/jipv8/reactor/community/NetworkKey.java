package org.jipv8.reactor.community;

import java.util.Arrays;
import org.jipv8.api.peer.Peer;

/** Key or mid bytes with value equality, for map keys of the peer bookkeeping. */
record NetworkKey(byte[] bytes) {
  static final NetworkKey EMPTY = new NetworkKey(new byte[0]);

  static NetworkKey of(Peer peer) {
    return new NetworkKey(peer.publicKeyBin());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "NetworkKey[" + bytes.length + " bytes]";
  }
}
