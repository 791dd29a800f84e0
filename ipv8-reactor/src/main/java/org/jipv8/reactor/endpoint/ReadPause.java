package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jipv8.api.endpoint.ReceiveAdmission;

/**
 * Backpressure from a full receiver to the socket: after an {@code INBOX_FULL} refusal the channel
 * stops reading, and the refused datagram's bytes are kept as a probe; about once a millisecond the
 * admission is asked whether a datagram like it has room again, and reading resumes when it has, or
 * after {@link ReceiveAdmission#MAX_READ_PAUSE_MILLIS} at the latest. Meanwhile the kernel's buffer
 * holds what arrives (the socket's receive buffer) and drops the rest, counted as kernel drops: so
 * a flood costs the node neither a read nor a copy for datagrams it could not have queued, and the
 * CPU goes to draining the inbox.
 *
 * <p>Why the pause has a limit: one flooded community must not keep the socket closed to the node's
 * other communities, so the endpoint reads again at least every {@value
 * ReceiveAdmission#MAX_READ_PAUSE_MILLIS} ms and refuses (and pauses) anew if the inbox is still
 * full.
 *
 * <p>Threading: one instance per channel, used on that channel's event loop only.
 */
final class ReadPause {
  static final long PROBE_INTERVAL_MICROS = 1_000;

  private final Channel channel;
  private final Predicate<ByteBuffer> hasRoom;
  private final EndpointCounters counters;
  private byte[] probe;
  private long pausedAt;

  ReadPause(Channel channel, Predicate<ByteBuffer> hasRoom, EndpointCounters counters) {
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
    pausedAt = System.nanoTime();
    counters.recordReadPause();
    // Netty's read loop checks auto-read before every further datagram, so this stops it now.
    channel.config().setAutoRead(false);
    schedule();
  }

  private void schedule() {
    channel.eventLoop().schedule(this::check, PROBE_INTERVAL_MICROS, TimeUnit.MICROSECONDS);
  }

  private void check() {
    if (probe == null) {
      return;
    }
    if (!channel.isActive()) {
      probe = null;
      return;
    }
    long pausedFor = System.nanoTime() - pausedAt;
    if (roomFor(probe)
        || pausedFor >= TimeUnit.MILLISECONDS.toNanos(ReceiveAdmission.MAX_READ_PAUSE_MILLIS)) {
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
