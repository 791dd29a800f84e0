package org.jipv8.reactor.endpoint;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A Netty channel with frozen time and a nanosecond clock that moves with it, for the tests of the
 * read pause and the read coalescing: time moves only when a test says so, in steps of at most 0.1
 * ms, and the channel's timers run when they fall due, so nothing waits.
 */
final class FrozenChannel {
  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long STEP = MS / 10;

  final EmbeddedChannel channel = new EmbeddedChannel();
  private final AtomicLong now = new AtomicLong(1_000 * MS);

  FrozenChannel() {
    channel.freezeTime();
  }

  /** The clock to hand to the class under test. */
  LongSupplier clock() {
    return now::get;
  }

  long now() {
    return now.get();
  }

  /** Moves both clocks by {@code nanos}, running the channel's timers as they fall due. */
  void advance(long nanos) {
    for (long left = nanos; left > 0; ) {
      long step = Math.min(STEP, left);
      now.addAndGet(step);
      channel.advanceTimeBy(step, TimeUnit.NANOSECONDS);
      channel.runScheduledPendingTasks();
      left -= step;
    }
  }

  /** Whether the channel reads (auto-read on). */
  boolean reading() {
    return channel.config().isAutoRead();
  }
}
