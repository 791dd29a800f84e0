package org.jipv8.reactor.endpoint;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The receive admission of a node whose communities share one endpoint: each community registers
 * its 22-byte prefix with a check that says "my inbox is full", and a datagram for a full community
 * is refused as {@link DropReason#INBOX_FULL} while it is still in the socket's buffer, before it
 * is copied, routed or decoded. Datagrams for other prefixes, and shorter ones, are admitted (the
 * router counts them as it always did).
 *
 * <p>While such an inbox is full the endpoint stops reading ({@link ReceiveAdmission}'s
 * backpressure) and asks {@link #hasRoomFor} until the community's room check says yes.
 *
 * <p>Install it with {@code endpoint.setReceiveAdmission(admission)}. Do not install it where a
 * listener must see every datagram (a sniffer, a bootstrap tracker): a refused datagram reaches no
 * one.
 *
 * <p>Threading: {@link #register} and disposal from any thread, lock-free (the table is replaced
 * whole); {@link #admit} on the endpoint's receive thread. The checks are called there, so they
 * must be cheap reads (an inbox size against its bound), never blocking.
 */
public final class PrefixAdmission implements ReceiveAdmission {
  private static final int PREFIX_LENGTH = 22;

  private record Entry(BooleanSupplier full, BooleanSupplier hasRoom, LongAdder refused) {}

  private final AtomicReference<Map<ByteBuffer, Entry>> table = new AtomicReference<>(Map.of());

  /** An admission with no community registered (admits everything). */
  public PrefixAdmission() {}

  /**
   * Refuses datagrams for {@code prefix} while {@code inboxFull} answers true (replacing an earlier
   * check for the prefix).
   *
   * @param prefix exactly 22 bytes (copied)
   * @return disposing it removes the check
   * @throws IllegalArgumentException when the prefix is not 22 bytes long
   */
  public Disposable register(byte[] prefix, BooleanSupplier inboxFull) {
    return register(prefix, inboxFull, () -> !inboxFull.getAsBoolean());
  }

  /**
   * As {@link #register(byte[], BooleanSupplier)}, with the check the endpoint asks while it has
   * stopped reading for this full inbox ({@link #hasRoomFor}): answering true only once the inbox
   * has drained well below its bound lets the endpoint read a run of datagrams per pause rather
   * than one.
   *
   * @param hasRoom called on the endpoint's receive thread while reading is paused: a cheap read
   */
  public Disposable register(byte[] prefix, BooleanSupplier inboxFull, BooleanSupplier hasRoom) {
    Objects.requireNonNull(hasRoom, "hasRoom");
    if (prefix == null || prefix.length != PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "a community prefix has exactly 22 bytes, got "
              + (prefix == null ? "null" : prefix.length));
    }
    Objects.requireNonNull(inboxFull, "inboxFull");
    ByteBuffer key = ByteBuffer.wrap(prefix.clone()).asReadOnlyBuffer();
    Entry entry = new Entry(inboxFull, hasRoom, new LongAdder());
    table.updateAndGet(
        now -> {
          Map<ByteBuffer, Entry> next = new HashMap<>(now);
          next.put(key, entry);
          return Map.copyOf(next);
        });
    return () ->
        table.updateAndGet(
            now -> {
              if (now.get(key) != entry) {
                return now;
              }
              Map<ByteBuffer, Entry> next = new HashMap<>(now);
              next.remove(key);
              return Map.copyOf(next);
            });
  }

  /** Datagrams refused for {@code prefix} since it was registered (0 when not registered). */
  public long refused(byte[] prefix) {
    Entry e = table.get().get(ByteBuffer.wrap(prefix));
    return e == null ? 0 : e.refused().sum();
  }

  @Override
  public @Nullable DropReason admit(ByteBuffer datagram) {
    Entry e = entryOf(datagram);
    if (e == null || !e.full().getAsBoolean()) {
      return null;
    }
    e.refused().increment();
    return DropReason.INBOX_FULL;
  }

  @Override
  public boolean hasRoomFor(ByteBuffer refused) {
    Entry e = entryOf(refused);
    return e == null || e.hasRoom().getAsBoolean();
  }

  private @Nullable Entry entryOf(ByteBuffer datagram) {
    Map<ByteBuffer, Entry> now = table.get();
    if (now.isEmpty() || datagram.remaining() < PREFIX_LENGTH) {
      return null;
    }
    // Buffers compare by their remaining bytes: a 22-byte window of the datagram is the key.
    ByteBuffer prefix = datagram.duplicate();
    prefix.limit(prefix.position() + PREFIX_LENGTH);
    return now.get(prefix);
  }
}
