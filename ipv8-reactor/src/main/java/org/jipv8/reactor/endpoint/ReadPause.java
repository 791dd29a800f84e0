package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jipv8.api.endpoint.ReceiveAdmission;

/**
 * Backpressure from a full receiver to the socket: after an {@code INBOX_FULL} refusal the channel
 * stops reading, and the refused datagram's bytes are kept as a probe; the admission is asked
 * whether a datagram like it has room again after 1 ms and then at doubling intervals (1, 3, 7, 15,
 * 31 ms after the refusal), and reading resumes when it has, or after {@link
 * ReceiveAdmission#MAX_READ_PAUSE_MILLIS} at the latest. Meanwhile the kernel's buffer holds what
 * arrives (the socket's receive buffer) and drops the rest, counted as kernel drops: so a flood
 * costs the node neither a read nor a copy for datagrams it could not have queued, and the CPU goes
 * to draining the inbox.
 *
 * <p>Why doubling: a receiver slow enough to stay full for long (a signature check per datagram)
 * would otherwise wake the event loop, and on one core interrupt its own consumer, a thousand times
 * a second for nothing. And it does not let the inbox run dry before reading resumes (for a
 * consumer at a steady rate that does not empty it within the first millisecond): a check fails
 * while less than a quarter of the inbox was consumed since the refusal, and the next check comes
 * at most three times as long after the refusal, by when at most three quarters can have been.
 *
 * <p>Why the pause has a limit: one flooded community must not keep the socket closed to the node's
 * other communities, so the endpoint reads again at least every {@value
 * ReceiveAdmission#MAX_READ_PAUSE_MILLIS} ms and refuses (and pauses) anew if the inbox is still
 * full.
 *
 * <p>Threading: one instance per channel, used on that channel's event loop only.
 */
final class ReadPause {
  /**
   * The first check after a refusal; each further one comes this much later than the pause has
   * lasted so far, which doubles the interval: 1, 3, 7, 15, 31 ms after the refusal.
   */
  static final long FIRST_CHECK_MICROS = 1_000;

  private static final long MAX_PAUSE_NANOS =
      TimeUnit.MILLISECONDS.toNanos(ReceiveAdmission.MAX_READ_PAUSE_MILLIS);

  private final Channel channel;
  private final Predicate<ByteBuffer> hasRoom;
  private final EndpointCounters counters;
  private final LongSupplier clock;
  private byte[] probe;
  private long pausedAt;

  ReadPause(Channel channel, Predicate<ByteBuffer> hasRoom, EndpointCounters counters) {
    this(channel, hasRoom, counters, System::nanoTime);
  }

  /** As the other constructor, with the clock that measures the pause (tests). */
  ReadPause(
      Channel channel,
      Predicate<ByteBuffer> hasRoom,
      EndpointCounters counters,
      LongSupplier clock) {
    this.clock = clock;
    this.channel = channel;
    this.hasRoom = hasRoom;
    this.counters = counters;
  }

  /** Whether reading is paused now. */
  boolean paused() {
    return probe != null;
  }

  /** Stops reading after {@code refused} was refused for a full inbox (the caller releases it). */
  void begin(ByteBuf refused) {
    if (probe != null) {
      return;
    }
    byte[] copy = new byte[refused.readableBytes()];
    refused.getBytes(refused.readerIndex(), copy);
    probe = copy;
    pausedAt = clock.getAsLong();
    counters.recordReadPause();
    // Netty's read loop checks auto-read before every further datagram, so this stops it now.
    channel.config().setAutoRead(false);
    schedule();
  }

  private void schedule() {
    long pausedFor = clock.getAsLong() - pausedAt;
    long next = pausedFor + TimeUnit.MICROSECONDS.toNanos(FIRST_CHECK_MICROS);
    long delay = Math.max(1, Math.min(next, MAX_PAUSE_NANOS - pausedFor));
    channel.eventLoop().schedule(this::check, delay, TimeUnit.NANOSECONDS);
  }

  private void check() {
    if (probe == null) {
      return;
    }
    if (!channel.isActive()) {
      probe = null;
      return;
    }
    long pausedFor = clock.getAsLong() - pausedAt;
    if (roomFor(probe) || pausedFor >= MAX_PAUSE_NANOS) {
      probe = null;
      channel.config().setAutoRead(true);
    } else {
      schedule();
    }
  }

  private boolean roomFor(byte[] datagram) {
    try {
      return hasRoom.test(ByteBuffer.wrap(datagram).asReadOnlyBuffer());
    } catch (RuntimeException e) {
      return true;
    }
  }
}
