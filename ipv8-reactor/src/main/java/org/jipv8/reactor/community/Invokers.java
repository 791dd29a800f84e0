package org.jipv8.reactor.community;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.DecodeStage.ContextBuilder;
import org.jipv8.reactor.community.DispatchStage.HandlerFailure;
import org.jipv8.reactor.community.HandlerTable.Invoker;
import org.jipv8.reactor.community.HandlerTable.PacketDecoder;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;

/**
 * Turns the handler forms of {@code Community} (signed, unsigned, with context, replay-protected)
 * into {@link Invoker}s of the handler table, and checks the {@code @Message} annotation of the
 * types they are registered for.
 *
 * <p>Threading: invokers run on the protocol thread; the checks are pure.
 */
final class Invokers implements ContextBuilder {
  private static final ClassValue<Message> MESSAGES =
      new ClassValue<>() {
        @Override
        protected Message computeValue(Class<?> type) {
          return type.getAnnotation(Message.class);
        }
      };

  private final Network network;
  private final LongSupplier clock;

  Invokers(Network network, LongSupplier clock) {
    this.network = network;
    this.clock = clock;
  }

  /**
   * The {@code @Message} of {@code type}.
   *
   * @throws IllegalArgumentException when it has none or its id is outside 0..255
   */
  static Message annotation(Class<?> type) {
    Objects.requireNonNull(type, "type");
    Message m = MESSAGES.get(type);
    if (m == null) {
      throw new IllegalArgumentException(
          type.getName() + " is not a message: annotate the record with @Message(id = ...)");
    }
    if (m.id() < 0 || m.id() > 255) {
      throw new IllegalArgumentException(
          type.getName() + " has message id " + m.id() + ", outside 0..255");
    }
    return m;
  }

  /**
   * The {@code @Message} of a user type; {@code signed} null accepts both.
   *
   * @throws IllegalArgumentException when it has none, its id is outside 0..230, or its signedness
   *     is not the one asked for
   */
  static Message userAnnotation(Class<?> type, Boolean signed) {
    Message m = annotation(type);
    if (m.id() > Community.MAX_USER_MESSAGE_ID) {
      throw new IllegalArgumentException(
          type.getName()
              + " has message id "
              + m.id()
              + ", reserved by the base protocol (231..255); use an id in 0..230");
    }
    if (signed != null && signed && !m.signed()) {
      throw new IllegalArgumentException(
          type.getName()
              + " is unsigned (@Message(signed = false)): register it with addUnsignedHandler");
    }
    if (signed != null && !signed && m.signed()) {
      throw new IllegalArgumentException(
          type.getName() + " is signed (@Message(signed = true)): register it with addHandler");
    }
    return m;
  }

  /** The {@code @Message} of a signed type with a global time (replay windows key on it). */
  static Message replayAnnotation(Class<?> type) {
    Message m = userAnnotation(type, true);
    if (!m.globalTime()) {
      throw new IllegalArgumentException(
          type.getName()
              + " must be signed and carry a global time for replay protection"
              + " (@Message(signed = true, globalTime = true))");
    }
    return m;
  }

  static <T extends Record> PacketDecoder<T> typedDecoder(Class<T> type) {
    return packet -> Packets.decode(packet, type);
  }

  /** Registers {@code invoker} for the user type {@code type}. */
  static <T extends Record> void register(
      HandlerTable table, Class<T> type, Message m, Invoker<T> invoker) {
    table.register(m.id(), type.getSimpleName(), typedDecoder(type), invoker, null);
  }

  <T extends Record> Invoker<T> signed(MessageHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    return (source, d) -> {
      Peer peer = resolvePeer(d.signer(), source);
      try {
        handler.handle(peer, d.payload());
      } catch (RuntimeException | AssertionError e) {
        throw new HandlerFailure(peer, e);
      }
      return new Received<>(peer, source, d.globalTime(), d.payload());
    };
  }

  <T extends Record> Invoker<T> unsigned(UnsignedMessageHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    // No context object here: an unsigned message's context has no peer, so the dispatch stage
    // builds the same one when something listens, and nothing is allocated when nothing does.
    return (source, d) -> {
      handler.handle(source, d.payload());
      return null;
    };
  }

  <T extends Record> Invoker<T> received(ReceivedHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    return (source, d) -> {
      Received<T> r = build(source, d);
      try {
        handler.handle(r);
      } catch (RuntimeException | AssertionError e) {
        throw new HandlerFailure(r.peer(), e);
      }
      return r;
    };
  }

  /** A signed invoker behind {@code window}; replays are counted as {@code REPLAYED}. */
  <T extends Record> Invoker<T> replayProtected(
      ReplayWindow window, MessageHandler<T> handler, int id, DispatchStage dispatch) {
    Objects.requireNonNull(window, "window");
    Invoker<T> signed = signed(handler);
    return (source, d) -> {
      if (window.firstDelivery(d.signer(), d.globalTime())) {
        return signed.invoke(source, d);
      }
      dispatch.dropAs(DropReason.REPLAYED, id);
      return null;
    };
  }

  @Override
  public <T extends Record> Received<T> build(Address source, Decoded<T> d) {
    Peer peer = d.signer() == null ? null : resolvePeer(d.signer(), source);
    return new Received<>(peer, source, d.globalTime(), d.payload());
  }

  /**
   * The peer object for a verified signer: the stored verified peer (its address of the source's
   * kind updated, unless frozen), else a new peer at the source with last-response 0.
   */
  Peer resolvePeer(PublicKey key, Address source) {
    Peer stored = network.getVerifiedByPublicKeyBin(key.toBin());
    if (stored != null) {
      stored.addAddress(source);
      return stored;
    }
    return new Peer(key, source, true, clock);
  }
}
