package org.jipv8.reactor.endpoint;

import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jipv8.api.endpoint.Endpoint;

/**
 * Fewer wake-ups for a steady stream of datagrams: when reads follow each other closely (the last
 * read loop ended less than the coalescing time before this one) and a read took less than a full
 * run, the channel stops reading for the coalescing time, so that what arrives meanwhile is read as
 * one run ({@link Endpoint#receiveBursts()}) and crosses each thread of the receive path once. A
 * datagram then waits at most the coalescing time in the socket's buffer. Coalescing goes on while
 * a pause gathers at least two datagrams and stops when it gathers fewer, so sparse traffic is read
 * at once and costs no timer. A pause lasts no longer than a full run takes to arrive at the rate
 * the last read saw, so a fast stream never piles up in the kernel's buffer (which would drop
 * datagrams); a stream that brings a full run within {@value #MIN_PAUSE_MICROS} us is not paused at
 * all, as its reads come in runs anyway.
 *
 * <p>Why: at a few thousand datagrams per second each datagram otherwise wakes the event loop and
 * every thread after it on its own, and on one core those wake-ups cost as much as the work.
 *
 * <p>Threading: one instance per channel, used on that channel's event loop only.
 */
final class ReadCoalescing {
  /** The shortest pause worth a timer; denser streams are read as they come. */
  static final long MIN_PAUSE_MICROS = 20;

  private final Channel channel;
  private final long nanos;
  private final ReadPause pause;
  private final LongSupplier clock;
  private long lastReadEnd;
  private long pausedAt;
  private boolean waiting;
  private boolean afterWait;

  /**
   * @param nanos the coalescing time; 0 switches coalescing off
   * @param pause the channel's pause for a full receiver, which coalescing never ends early
   */
  ReadCoalescing(Channel channel, long nanos, ReadPause pause) {
    this(channel, nanos, pause, System::nanoTime);
  }

  /** As the other constructor, with the clock that says how close reads are (tests). */
  ReadCoalescing(Channel channel, long nanos, ReadPause pause, LongSupplier clock) {
    this.channel = channel;
    this.nanos = nanos;
    this.pause = pause;
    this.clock = clock;
    this.lastReadEnd = clock.getAsLong() - nanos - 1;
  }

  /** A read loop ended after reading {@code datagrams}. */
  void endOfRead(int datagrams) {
    if (nanos == 0) {
      return;
    }
    long now = clock.getAsLong();
    long previousEnd = lastReadEnd;
    boolean close = now - previousEnd < nanos;
    boolean gathered = afterWait;
    afterWait = false;
    lastReadEnd = now;
    if (waiting || datagrams == 0 || datagrams >= Endpoint.MAX_BURST || pause.paused()) {
      return;
    }
    if (!(gathered ? datagrams >= 2 : close)) {
      return;
    }
    // What this read brought arrived since the last read ended (or since the pause began).
    long arrivedIn = Math.max(1, now - (gathered ? pausedAt : previousEnd));
    long fullRun = arrivedIn * Endpoint.MAX_BURST / datagrams;
    long pauseNanos = Math.min(nanos, fullRun);
    if (pauseNanos < TimeUnit.MICROSECONDS.toNanos(MIN_PAUSE_MICROS)) {
      return;
    }
    waiting = true;
    pausedAt = now;
    channel.config().setAutoRead(false);
    channel.eventLoop().schedule(this::resume, pauseNanos, TimeUnit.NANOSECONDS);
  }

  private void resume() {
    waiting = false;
    afterWait = true;
    if (channel.isActive() && !pause.paused()) {
      channel.config().setAutoRead(true);
    }
  }
}
