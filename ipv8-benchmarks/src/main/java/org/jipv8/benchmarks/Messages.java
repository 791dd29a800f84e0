package org.jipv8.benchmarks;

import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** The custom messages of the benchmarks: 200-byte datagrams, like those of {@code ipv8 bench}. */
final class Messages {
  /** "jipv8 jmh benchmarks" in 20 bytes. */
  static final CommunityId ID = CommunityId.fromHex("6a69707638206a6d682062656e63686d61726b73");

  /** The datagram length of both messages. */
  static final int DATAGRAM_BYTES = 200;

  /** Body of {@link Plain}: 200 - prefix and id (23) - global time (8) - sequence (8). */
  static final int PLAIN_BODY = DATAGRAM_BYTES - 23 - 8 - 8;

  /** Body of {@link Signed}: also minus key length (2), key (74) and signature (64). */
  static final int SIGNED_BODY = PLAIN_BODY - 2 - 74 - 64;

  @Message(id = 1, signed = false)
  record Plain(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  @Message(id = 2)
  record Signed(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  private Messages() {}
}
