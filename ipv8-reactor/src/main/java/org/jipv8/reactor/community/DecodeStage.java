package org.jipv8.reactor.community;

import java.util.Arrays;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.community.HandlerTable.Entry;
import org.jipv8.reactor.messaging.Decoded;

/**
 * The second stage of the receive pipeline, after the prefix router: checks the prefix and the
 * message id, then decodes the packet and verifies its signature. Runs on the verification
 * scheduler, several datagrams at a time; never throws (a failure becomes a {@link Prepared} that
 * the dispatch stage counts).
 */
final class DecodeStage {

  /** Builds the context of a decoded message for subscribers when the handler built none. */
  @FunctionalInterface
  interface ContextBuilder {
    <T extends Record> Received<T> build(Address source, Decoded<T> decoded);
  }

  /**
   * The outcome of decoding one datagram: either the {@code decoded} message its {@code entry}'s
   * handler is run with ({@link #invoke}), or why the datagram is dropped ({@code early}, before
   * decoding, or a decoding {@code error}). One object per datagram and nothing else: the handler
   * call is not captured in a lambda.
   */
  record Prepared(
      Datagram datagram,
      int messageId,
      Entry<?> entry,
      Decoded<?> decoded,
      DropReason early,
      PacketDecodingException error,
      DecodeStage stage) {

    /**
     * Runs the handler (protocol thread) and returns the message with its context, built when the
     * handler built none and something listens to the id; null when nothing needs it.
     */
    Received<?> invoke() {
      return stage.invoke(entry, datagram.source(), decoded);
    }
  }

  // Deprecated ids as a table: a boxed map lookup per datagram costs more than the rest of the
  // checks together.
  private static final boolean[] DEPRECATED = new boolean[256];

  static {
    for (int id : DeprecatedMessages.NAMES.keySet()) {
      DEPRECATED[id] = true;
    }
  }

  private final byte[] prefix;
  private final HandlerTable handlers;
  private final ContextBuilder contexts;
  private final Taps taps;

  DecodeStage(byte[] prefix, HandlerTable handlers, ContextBuilder contexts, Taps taps) {
    this.prefix = prefix.clone();
    this.handlers = handlers;
    this.contexts = contexts;
    this.taps = taps;
  }

  /** Decodes one datagram; never throws. */
  Prepared prepare(Datagram d) {
    byte[] data = d.data();
    if (data.length < 23) {
      return early(d, CommunityStatistics.NO_ID, DropReason.TOO_SHORT);
    }
    int id = data[22] & 0xff;
    if (!Arrays.equals(data, 0, 22, prefix, 0, 22)) {
      return early(d, id, DropReason.UNKNOWN_PREFIX);
    }
    if (DEPRECATED[id]) {
      return early(d, id, DropReason.DEPRECATED_MESSAGE);
    }
    Entry<?> entry = handlers.get(id);
    if (entry == null) {
      return early(d, id, DropReason.UNKNOWN_MESSAGE);
    }
    try {
      return new Prepared(d, id, entry, entry.decoder().decode(data), null, null, this);
    } catch (PacketDecodingException e) {
      return new Prepared(d, id, entry, null, null, e, this);
    } catch (RuntimeException e) {
      return new Prepared(
          d,
          id,
          entry,
          null,
          null,
          new PacketDecodingException(DropReason.MALFORMED_FIELD, "?", 23, e.toString(), e),
          this);
    }
  }

  private Prepared early(Datagram d, int id, DropReason reason) {
    return new Prepared(d, id, null, null, reason, null, this);
  }

  @SuppressWarnings("unchecked") // decoded came from entry's own decoder: the same T
  private <T extends Record> Received<?> invoke(Entry<T> entry, Address source, Decoded<?> any) {
    Decoded<T> decoded = (Decoded<T>) any;
    Received<T> r = entry.invoker().invoke(source, decoded);
    if (r == null && taps.listens(entry.id())) {
      r = contexts.build(source, decoded);
    }
    return r;
  }
}
