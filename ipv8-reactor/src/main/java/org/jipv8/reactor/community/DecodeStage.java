package org.jipv8.reactor.community;

import java.util.Arrays;
import java.util.function.Supplier;
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
   * The outcome of decoding one datagram: either an {@code action} that runs the handler, or why
   * the datagram is dropped ({@code early}, before decoding, or a decoding {@code error}).
   */
  record Prepared(
      Datagram datagram,
      int messageId,
      Entry<?> entry,
      Supplier<Received<?>> action,
      DropReason early,
      PacketDecodingException error) {}

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
      return new Prepared(d, CommunityStatistics.NO_ID, null, null, DropReason.TOO_SHORT, null);
    }
    int id = data[22] & 0xff;
    if (!Arrays.equals(data, 0, 22, prefix, 0, 22)) {
      return new Prepared(d, id, null, null, DropReason.UNKNOWN_PREFIX, null);
    }
    if (DeprecatedMessages.NAMES.containsKey(id)) {
      return new Prepared(d, id, null, null, DropReason.DEPRECATED_MESSAGE, null);
    }
    Entry<?> entry = handlers.get(id);
    if (entry == null) {
      return new Prepared(d, id, null, null, DropReason.UNKNOWN_MESSAGE, null);
    }
    try {
      return prepareWith(entry, d);
    } catch (PacketDecodingException e) {
      return new Prepared(d, id, entry, null, null, e);
    } catch (RuntimeException e) {
      return new Prepared(
          d,
          id,
          entry,
          null,
          null,
          new PacketDecodingException(DropReason.MALFORMED_FIELD, "?", 23, e.toString(), e));
    }
  }

  private <T extends Record> Prepared prepareWith(Entry<T> entry, Datagram d) {
    Decoded<T> decoded = entry.decoder().decode(d.data());
    Supplier<Received<?>> action =
        () -> {
          Received<T> r = entry.invoker().invoke(d.source(), decoded);
          if (r == null && taps.listens(entry.id())) {
            r = contexts.build(d.source(), decoded);
          }
          return r;
        };
    return new Prepared(d, entry.id(), entry, action, null, null);
  }
}
