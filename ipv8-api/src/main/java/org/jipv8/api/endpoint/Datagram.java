package org.jipv8.api.endpoint;

import java.util.Objects;
import org.jipv8.api.address.Address;

/**
 * One received UDP datagram. The byte array belongs to the receiver and is never reused by the
 * endpoint, so handlers may keep slices of it.
 *
 * @param source where it came from, tagged IPv4 or IPv6 by the socket family
 * @param data the datagram bytes
 */
public record Datagram(Address source, byte[] data) {
  public Datagram {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(data, "data");
  }

  /** Length in bytes. */
  public int length() {
    return data.length;
  }
}
