package org.jipv8.testkit;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;

/**
 * Every datagram the nodes of a {@link TestNetwork} sent, in the order they sent them, including
 * those the network then lost. Thread-safe; {@link #clear()} starts a new recording.
 */
public final class MessageCapture {
  private final List<CapturedDatagram> datagrams = new ArrayList<>();
  private volatile byte[] prefix = new byte[0];

  MessageCapture() {}

  /** The prefix of the community under test, known once its first instance exists. */
  void usePrefix(byte[] communityPrefix) {
    this.prefix = communityPrefix.clone();
  }

  synchronized void add(CapturedDatagram datagram) {
    datagrams.add(datagram);
  }

  /** Every captured datagram, in send order. */
  public synchronized List<CapturedDatagram> datagrams() {
    return List.copyOf(datagrams);
  }

  /** The captured datagrams of the community under test with this message id. */
  public List<CapturedDatagram> datagrams(int messageId) {
    return datagrams().stream()
        .filter(d -> d.hasPrefix(prefix) && d.messageId() == messageId)
        .toList();
  }

  /**
   * The captured messages of {@code type} (a {@code @Message} record of the community under test),
   * decoded, in send order. Signatures are checked as on receipt; a datagram that does not decode
   * is left out.
   */
  public <T extends Record> List<CapturedMessage<T>> messages(Class<T> type) {
    int id = Packets.messageId(type);
    List<CapturedMessage<T>> out = new ArrayList<>();
    for (CapturedDatagram d : datagrams(id)) {
      try {
        Decoded<T> decoded = Packets.decode(d.data(), type);
        out.add(
            new CapturedMessage<>(d.timeMillis(), d.node(), d.destination(), decoded.payload()));
      } catch (PacketDecodingException | IllegalArgumentException e) {
        // Not a well-formed message of this type (a test may send garbage on purpose).
      }
    }
    return out;
  }

  /** How many messages of {@code type} were sent. */
  public long count(Class<? extends Record> type) {
    return datagrams(Packets.messageId(type)).size();
  }

  /** Forgets everything captured so far. */
  public synchronized void clear() {
    datagrams.clear();
  }
}
