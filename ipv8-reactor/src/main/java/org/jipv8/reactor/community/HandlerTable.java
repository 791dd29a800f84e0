package org.jipv8.reactor.community;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.messaging.Decoded;

/**
 * The message ids one community accepts, each with its decoder and its handler: what the decode and
 * dispatch stages of the receive pipeline look up. An id accepted only for subscribers or requests
 * has an entry without a handler ({@link Entry#tapOnly()}), which a real handler later replaces.
 *
 * <p>Threading: registration happens while the community is built or from any thread; lookups are
 * lock-free (the table is an atomic array).
 */
final class HandlerTable {

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

  /**
   * One accepted message id.
   *
   * @param gate checked on the protocol thread before anything else; true drops the message as
   *     {@code POLICY} whatever its content (null: no gate)
   * @param tapOnly accepted for subscribers or requests only, without a handler
   */
  record Entry<T extends Record>(
      int id,
      String name,
      PacketDecoder<T> decoder,
      Invoker<T> invoker,
      BooleanSupplier gate,
      boolean tapOnly) {}

  private final String owner;
  private final AtomicReferenceArray<Entry<?>> entries = new AtomicReferenceArray<>(256);

  /**
   * @param owner the community's name, for error messages
   */
  HandlerTable(String owner) {
    this.owner = owner;
  }

  /** The entry of {@code id}, or null. */
  Entry<?> get(int id) {
    return entries.get(id);
  }

  /**
   * Adds the handler of {@code id}; it replaces an entry that only accepted the id for subscribers.
   *
   * @throws IllegalStateException when the id already has a handler
   */
  <T extends Record> void register(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    Entry<T> entry = new Entry<>(id, name, decoder, invoker, gate, false);
    Entry<?> current = entries.get(id);
    boolean added =
        current == null
            ? entries.compareAndSet(id, null, entry)
            : current.tapOnly() && entries.compareAndSet(id, current, entry);
    if (!added) {
      throw new IllegalStateException(
          "message id "
              + id
              + " of "
              + owner
              + " already has a handler ("
              + entries.get(id).name()
              + "); handlers are never replaced");
    }
  }

  /** Replaces the handler of {@code id} (the engine's own communities only). */
  <T extends Record> void replace(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    entries.set(id, new Entry<>(id, name, decoder, invoker, gate, false));
  }

  /** Makes {@code id} accepted without a handler, unless it has an entry already. */
  <T extends Record> void accept(int id, String name, PacketDecoder<T> decoder) {
    entries.compareAndSet(id, null, new Entry<>(id, name, decoder, (s, d) -> null, null, true));
  }
}
