package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The {@code Mono} view of a {@link NumberCache} and what {@code shutdown} tells pending entries.
 */
class NumberCacheMonoTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final RequestCache cache = new RequestCache(time, new java.util.SplittableRandom(1));

  private static final class Waiting extends NumberCache {
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicInteger shutdowns = new AtomicInteger();

    Waiting(long number) {
      super("waiting", number);
    }

    @Override
    public Duration timeout() {
      return Duration.ofSeconds(3);
    }

    @Override
    public void onTimeout() {
      timeouts.incrementAndGet();
    }

    @Override
    protected void onShutdown() {
      shutdowns.incrementAndGet();
    }
  }

  private static AtomicReference<Throwable> follow(NumberCache c, AtomicBoolean completed) {
    AtomicReference<Throwable> error = new AtomicReference<>();
    c.finished().subscribe(null, error::set, () -> completed.set(true));
    return error;
  }

  @Test
  void aPoppedEntryCompletes() {
    Waiting w = cache.add(new Waiting(1));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> error = follow(w, done);
    cache.pop("waiting", 1);
    assertTrue(done.get());
    assertNull(error.get());
  }

  @Test
  void aTimedOutEntryErrorsWithTimeoutAfterOnTimeout() {
    Waiting w = cache.add(new Waiting(2));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> error = follow(w, done);
    time.advanceTimeBy(Duration.ofMillis(2999));
    assertNull(error.get());
    time.advanceTimeBy(Duration.ofMillis(1));
    assertEquals(1, w.timeouts.get());
    assertInstanceOf(TimeoutException.class, error.get());
    assertEquals(0, cache.size());
  }

  @Test
  void shutdownTellsEveryPendingEntryOnce() {
    Waiting a = cache.add(new Waiting(3));
    Waiting b = cache.add(new Waiting(4));
    AtomicReference<Throwable> error = follow(a, new AtomicBoolean());
    cache.shutdown();
    cache.shutdown();
    assertEquals(1, a.shutdowns.get());
    assertEquals(1, b.shutdowns.get());
    assertInstanceOf(CancellationException.class, error.get());
    time.advanceTimeBy(Duration.ofSeconds(10));
    assertEquals(0, a.timeouts.get(), "a shut-down entry never times out");
    assertNull(cache.add(new Waiting(5)));
  }
}
