package org.jipv8.reactor.community;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Decoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler table and the two stages of a community's receive path: {@link #prepare} (decode and
 * verify, on the verification scheduler, never throws) and {@link #process} (refresh the sender's
 * last response, then handle or count the drop, on the protocol scheduler, never throws).
 */
final class PacketDispatcher {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  /** Decodes (and verifies) one packet; runs on the verification scheduler. */
  @FunctionalInterface
  interface PacketDecoder<T extends Record> {
    Decoded<T> decode(byte[] packet);
  }

  /**
   * Handles one decoded packet; runs on the protocol scheduler. Returns the message with its
   * context when it built one (so that subscribers get the same peer object), else null.
   */
  @FunctionalInterface
  interface Invoker<T extends Record> {
    Received<T> invoke(Address source, Decoded<T> decoded);
  }

  /** Builds the context of a decoded message for subscribers when the handler built none. */
  @FunctionalInterface
  interface ContextBuilder {
    <T extends Record> Received<T> build(Address source, Decoded<T> decoded);
  }

  /**
   * The subscribers and pending requests of the community: told of every handled message after its
   * handler. Returns null when the message counts as handled, or why it counts as dropped.
   */
  interface Taps {
    /** Whether anything listens to message id {@code id} (then a context is built). */
    boolean listens(int id);

    /** Delivers {@code received}; {@code hasHandler}: a user handler ran for it. */
    DropReason deliver(int id, Received<?> received, boolean hasHandler);
  }

  /** Thrown by an invoker when the user's handler failed; carries the peer to the log line. */
  static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Peer peer;

    HandlerFailure(Peer peer, Throwable cause) {
      super(cause);
      this.peer = peer;
    }
  }

  private record Entry<T extends Record>(
      int id,
      String name,
      PacketDecoder<T> decoder,
      Invoker<T> invoker,
      BooleanSupplier gate,
      boolean tapOnly) {}

  /** The outcome of the decoding stage of one datagram. */
  record Prepared(
      Datagram datagram,
      int messageId,
      Entry<?> entry,
      Supplier<Received<?>> action,
      DropReason early,
      PacketDecodingException error) {}

  private final Supplier<String> owner;
  private final byte[] prefix;
  private final CommunityStatistics statistics;
  private final Network network;
  private final LongSupplier clock;
  private final BooleanSupplier stopped;
  private final AtomicReferenceArray<Entry<?>> handlers = new AtomicReferenceArray<>(256);
  private ContextBuilder contexts = PacketDispatcher::unsignedContext;
  private Taps taps = NO_TAPS;
  // Set by dropByPolicy while a handler runs; only touched on the protocol thread.
  private boolean droppedByPolicy;

  PacketDispatcher(
      Supplier<String> owner,
      byte[] prefix,
      CommunityStatistics statistics,
      Network network,
      LongSupplier clock,
      BooleanSupplier stopped) {
    this.owner = owner;
    this.prefix = prefix.clone();
    this.statistics = statistics;
    this.network = network;
    this.clock = clock;
    this.stopped = stopped;
  }

  private static final Taps NO_TAPS =
      new Taps() {
        @Override
        public boolean listens(int id) {
          return false;
        }

        @Override
        public DropReason deliver(int id, Received<?> received, boolean hasHandler) {
          return null;
        }
      };

  private static <T extends Record> Received<T> unsignedContext(
      Address source, Decoded<T> decoded) {
    return new Received<>(null, source, decoded.globalTime(), decoded.payload());
  }

  /** Wires the subscribers and the peer resolution of the community (once, at construction). */
  void connect(ContextBuilder contexts, Taps taps) {
    this.contexts = contexts;
    this.taps = taps;
  }

  /**
   * Makes {@code id} accepted without a handler (for subscribers and requests), unless it has a
   * handler already. A later {@link #register} replaces it.
   */
  <T extends Record> void accept(int id, String name, PacketDecoder<T> decoder) {
    handlers.compareAndSet(id, null, new Entry<>(id, name, decoder, (s, d) -> null, null, true));
  }

  /** Whether {@code id} has a handler (not only subscribers). */
  boolean hasHandler(int id) {
    Entry<?> e = handlers.get(id);
    return e != null && !e.tapOnly();
  }

  /**
   * Adds the handler of {@code id}.
   *
   * @param gate checked on the protocol thread before anything else; true drops the message as
   *     {@code POLICY} whatever its content (null: no gate)
   * @throws IllegalStateException when the id already has a handler
   */
  <T extends Record> void register(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    Entry<T> entry = new Entry<>(id, name, decoder, invoker, gate, false);
    Entry<?> current = handlers.get(id);
    boolean replaced =
        current == null
            ? handlers.compareAndSet(id, null, entry)
            : current.tapOnly() && handlers.compareAndSet(id, current, entry);
    if (!replaced) {
      throw new IllegalStateException(
          "message id "
              + id
              + " of "
              + owner.get()
              + " already has a handler ("
              + handlers.get(id).name()
              + "); handlers are never replaced");
    }
  }

  /** Replaces the handler of {@code id}. */
  <T extends Record> void replace(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    handlers.set(id, new Entry<>(id, name, decoder, invoker, gate, false));
  }

  /** Decoding stage: never throws. */
  Prepared prepare(Datagram d) {
    byte[] data = d.data();
    if (data.length < 23) {
      return new Prepared(d, CommunityStatistics.NO_ID, null, null, DropReason.TOO_SHORT, null);
    }
    int id = data[22] & 0xff;
    if (!Arrays.equals(data, 0, 22, prefix, 0, 22)) {
      return new Prepared(d, id, null, null, DropReason.UNKNOWN_PREFIX, null);
    }
    if (Community.DEPRECATED_MESSAGES.containsKey(id)) {
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

  /** Handling stage, on the protocol scheduler: never throws. */
  void process(Prepared p) {
    try {
      processUnsafe(p);
    } catch (RuntimeException e) {
      log.error(
          "{}: unexpected failure on a datagram from {}", owner.get(), p.datagram().source(), e);
    }
  }

  private void processUnsafe(Prepared p) {
    if (stopped.getAsBoolean()) {
      return;
    }
    Datagram d = p.datagram();
    Address source = d.source();
    Peer known = network.getVerifiedByAddress(source);
    if (known != null) {
      known.setLastResponse(clock.getAsLong());
    }
    int id = p.messageId();
    if (id >= 0) {
      statistics.countReceived(id, d.length());
    }
    if (p.early() != null) {
      statistics.countDrop(p.early(), id);
      logEarlyDrop(p, id, source);
      return;
    }
    if (p.entry().gate() != null && p.entry().gate().getAsBoolean()) {
      statistics.countDrop(DropReason.POLICY, id);
      log.debug("{}: message {} from {} dropped: peer limit", owner.get(), id, source);
      return;
    }
    if (p.error() != null) {
      PacketDecodingException e = p.error();
      statistics.countDrop(e.reason(), id);
      log.warn(
          "{}: dropped message {} ({}) from {}: {} at field '{}' offset {}: {}",
          owner.get(),
          id,
          p.entry().name(),
          source,
          e.reason(),
          e.field(),
          e.offset(),
          e.getMessage());
      return;
    }
    try {
      droppedByPolicy = false;
      Received<?> received = p.action().get();
      if (droppedByPolicy) {
        return;
      }
      DropReason tapped =
          received == null ? null : taps.deliver(id, received, !p.entry().tapOnly());
      if (tapped != null) {
        statistics.countDrop(tapped, id);
      } else {
        statistics.countHandled(id);
      }
    } catch (HandlerFailure e) {
      statistics.countDrop(DropReason.HANDLER_ERROR, id);
      log.error(
          "{}: handler of message {} ({}) failed for peer {} at {}",
          owner.get(),
          id,
          p.entry().name(),
          e.peer,
          source,
          e.getCause());
    } catch (RuntimeException | AssertionError e) {
      statistics.countDrop(DropReason.HANDLER_ERROR, id);
      log.error(
          "{}: handler of message {} ({}) failed for {}",
          owner.get(),
          id,
          p.entry().name(),
          source,
          e);
    }
  }

  private void logEarlyDrop(Prepared p, int id, Address source) {
    switch (p.early()) {
      case UNKNOWN_MESSAGE ->
          log.warn("{}: received unknown message {} from {}", owner.get(), id, source);
      case DEPRECATED_MESSAGE ->
          log.warn(
              "{}: received deprecated message {} ({}) from {}",
              owner.get(),
              Community.DEPRECATED_MESSAGES.get(id),
              id,
              source);
      default ->
          log.debug(
              "{}: dropped a {}-byte datagram from {}: {}",
              owner.get(),
              p.datagram().length(),
              source,
              p.early());
    }
  }

  /** Counts the message being handled as a {@code POLICY} drop instead of handled. */
  void dropByPolicy(int messageId) {
    dropAs(DropReason.POLICY, messageId);
  }

  /** Counts the message being handled as dropped for {@code reason} instead of handled. */
  void dropAs(DropReason reason, int messageId) {
    statistics.countDrop(reason, messageId);
    droppedByPolicy = true;
  }
}
