package org.jipv8.reactor.community;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.messaging.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer snapshot format: typed addresses in the wire's {@code address} format ({@code 0x01} + 4
 * + port: 7 bytes; {@code 0x03} + 16 + port: 19 bytes; {@code 0x02} + u16 length + name + port),
 * concatenated. Encoding and decoding are the serializer's, so the snapshot and the wire cannot
 * disagree. Stateless; any thread.
 */
final class NetworkSnapshotCodec {
  private static final Logger log = LoggerFactory.getLogger(Network.class);
  private static final String FORMAT = "address";

  private NetworkSnapshotCodec() {}

  /** The addresses, skipping {@code 0.0.0.0:0}, concatenated. */
  static byte[] encode(List<Address> addresses) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Address a : addresses) {
      if (!a.isNull()) {
        out.writeBytes(Serializer.encode(FORMAT, a));
      }
    }
    return out.toByteArray();
  }

  /**
   * The addresses of a snapshot, up to the first malformed entry (logged; the entries before it are
   * kept).
   */
  static List<Address> decode(byte[] snapshot) {
    List<Address> out = new ArrayList<>();
    int offset = 0;
    while (offset < snapshot.length) {
      Serializer.Value next;
      try {
        next = Serializer.decode(FORMAT, snapshot, offset);
      } catch (RuntimeException e) {
        log.warn(
            "snapshot entry at offset {} of {} is malformed; keeping the entries before it",
            offset,
            snapshot.length);
        return out;
      }
      out.add((Address) next.value());
      offset = next.end();
    }
    return out;
  }
}
