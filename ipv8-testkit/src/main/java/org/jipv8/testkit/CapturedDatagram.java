package org.jipv8.testkit;

import java.util.Arrays;
import org.jipv8.api.address.Address;

/**
 * One datagram a node of a {@link TestNetwork} handed to its endpoint.
 *
 * @param timeMillis virtual time of the send, in milliseconds
 * @param node the index of the sending node
 * @param source the sender's own address (before any NAT)
 * @param destination where it was sent
 * @param data the bytes; a copy, owned by this record
 */
public record CapturedDatagram(
    long timeMillis, int node, Address source, Address destination, byte[] data) {

  /** The 22-byte prefix length of every IPv8 packet. */
  public static final int PREFIX_LENGTH = 22;

  /** Copies {@code data}. */
  public CapturedDatagram {
    data = data.clone();
  }

  /** The bytes (a copy). */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The message id (the byte after the prefix), or -1 for a datagram too short to have one. */
  public int messageId() {
    return data.length > PREFIX_LENGTH ? data[PREFIX_LENGTH] & 0xff : -1;
  }

  /** Whether the datagram starts with {@code prefix}. */
  public boolean hasPrefix(byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedDatagram c
        && c.timeMillis == timeMillis
        && c.node == node
        && c.source.equals(source)
        && c.destination.equals(destination)
        && Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + destination.hashCode();
  }

  @Override
  public String toString() {
    return "CapturedDatagram[t="
        + timeMillis
        + " ms, node "
        + node
        + ", "
        + source
        + " -> "
        + destination
        + ", id "
        + messageId()
        + ", "
        + data.length
        + " bytes]";
  }
}
