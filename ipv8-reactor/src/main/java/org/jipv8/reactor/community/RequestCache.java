package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * Outstanding requests by {@code (prefix, number)}, each forgotten after its {@link
 * NumberCache#timeout() timeout} with a call to {@link NumberCache#onTimeout()} (py-ipv8's {@code
 * RequestCache}, runtime.md section 8.3).
 *
 * <p>A handler that receives an answer {@link #pop pops} the matching entry, which cancels its
 * timeout. Timeouts run on the injected scheduler, so a {@code VirtualTimeScheduler} makes them
 * testable without waiting.
 *
 * <p>Errors: {@link #add} answers null (and logs) for a duplicate key and after {@link
 * #shutdown()}; {@link #pop} of a missing key throws {@link NoSuchElementException}; an exception
 * thrown by {@code onTimeout} is logged and counted, never propagated.
 *
 * <p>Threading: confined to the protocol thread, the thread of the injected scheduler, where the
 * handlers that add and pop entries run and where timeouts fire; no locks. Mutators assert it
 * (assertions are on in tests). {@link #size()} and {@link #timeoutErrors()} are safe anywhere.
 */
public final class RequestCache {
  private static final Logger log = LoggerFactory.getLogger(RequestCache.class);

  /** Random numbers are drawn from {@code [0, RANDOM_NUMBER_BOUND)}. */
  public static final int RANDOM_NUMBER_BOUND = 65536;

  /** How many random numbers are tried before giving up. */
  public static final int RANDOM_NUMBER_TRIES = 1000;

  private record Key(String prefix, long number) {
    @Override
    public String toString() {
      return prefix + ":" + number;
    }
  }

  private record Entry(NumberCache cache, Disposable.Swap timeoutTask) {}

  private final ProtocolThread thread;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final Map<Key, Entry> entries = new LinkedHashMap<>();
  private volatile int size;
  private final AtomicLong timeoutErrors = new AtomicLong();
  private volatile boolean shutdown;

  /**
   * A request cache timing out on {@code scheduler}, drawing random numbers from a fresh source.
   */
  public RequestCache(Scheduler scheduler) {
    this(scheduler, new SplittableRandom());
  }

  /**
   * A request cache timing out on {@code scheduler}, drawing random numbers from {@code random}
   * (used on the protocol thread only).
   */
  public RequestCache(Scheduler scheduler, RandomGenerator random) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.thread = new ProtocolThread(scheduler);
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Stores the cache and starts its timeout.
   *
   * @return {@code cache}, or null when an entry with the same prefix and number exists or the
   *     request cache was shut down (both logged)
   * @throws IllegalArgumentException when the cache's timeout is not positive
   */
  public <C extends NumberCache> C add(C cache) {
    Objects.requireNonNull(cache, "cache");
    if (cache.timeout().isNegative() || cache.timeout().isZero()) {
      throw new IllegalArgumentException(
          cache + " has timeout " + cache.timeout() + "; a cache's timeout must be positive");
    }
    Key key = new Key(cache.prefix(), cache.number());
    assert thread.confined() : "RequestCache used off the protocol thread";
    if (shutdown) {
      log.warn("dropping {}: the request cache is shut down", cache);
      return null;
    }
    if (entries.containsKey(key)) {
      log.error("dropping {}: a request with identifier {} is already pending", cache, key);
      return null;
    }
    Entry entry = new Entry(cache, Disposables.swap());
    entries.put(key, entry);
    size = entries.size();
    try {
      entry
          .timeoutTask()
          .update(
              scheduler.schedule(
                  () -> fire(key, entry), cache.timeout().toNanos(), TimeUnit.NANOSECONDS));
    } catch (RejectedExecutionException e) {
      entries.remove(key);
      size = entries.size();
      log.warn("dropping {}: its timeout could not be scheduled ({})", cache, e.toString());
      return null;
    }
    return cache;
  }

  /**
   * Picks an unused random number for {@code prefix}, builds the cache with it and adds it, in one
   * step on the protocol thread (so nothing can take the number in between).
   *
   * @param factory builds the cache from the chosen number; its prefix must be {@code prefix}
   * @return the added cache, or null after {@link #shutdown()}
   * @throws IllegalStateException when no free number was found in {@value #RANDOM_NUMBER_TRIES}
   *     tries
   */
  public <C extends NumberCache> C addRandom(String prefix, LongFunction<C> factory) {
    assert thread.confined() : "RequestCache used off the protocol thread";
    long number = randomNumber(prefix);
    C cache = factory.apply(number);
    if (!prefix.equals(cache.prefix()) || cache.number() != number) {
      throw new IllegalArgumentException(
          "the factory built " + cache + " but " + prefix + ":" + number + " was expected");
    }
    return add(cache);
  }

  /**
   * A number in {@code [0, 65536)} not in use for {@code prefix} right now.
   *
   * @throws IllegalStateException when none was found in {@value #RANDOM_NUMBER_TRIES} tries
   */
  public long randomNumber(String prefix) {
    assert thread.confined() : "RequestCache used off the protocol thread";
    for (int i = 0; i < RANDOM_NUMBER_TRIES; i++) {
      long n = random.nextInt(RANDOM_NUMBER_BOUND);
      if (!entries.containsKey(new Key(prefix, n))) {
        return n;
      }
    }
    throw new IllegalStateException(
        "no free random number for prefix '"
            + prefix
            + "' after "
            + RANDOM_NUMBER_TRIES
            + " tries; too many requests are pending");
  }

  /** Whether an entry with that prefix and number is pending. */
  public boolean has(String prefix, long number) {
    assert thread.confined() : "RequestCache used off the protocol thread";
    return entries.containsKey(new Key(prefix, number));
  }

  /** The pending entry, or null. */
  public NumberCache get(String prefix, long number) {
    assert thread.confined() : "RequestCache used off the protocol thread";
    Entry e = entries.get(new Key(prefix, number));
    return e == null ? null : e.cache();
  }

  /** The pending entry if it is a {@code type}, else null. */
  public <C extends NumberCache> C get(Class<C> type, String prefix, long number) {
    NumberCache c = get(prefix, number);
    return type.isInstance(c) ? type.cast(c) : null;
  }

  /**
   * Removes the pending entry and cancels its timeout.
   *
   * @throws NoSuchElementException naming the identifier when no such entry is pending
   */
  public NumberCache pop(String prefix, long number) {
    return pop(NumberCache.class, prefix, number);
  }

  /**
   * Removes the pending entry, if it is a {@code type}, and cancels its timeout.
   *
   * @throws NoSuchElementException naming the identifier when no such entry of that type is pending
   *     (an entry of another type stays)
   */
  public <C extends NumberCache> C pop(Class<C> type, String prefix, long number) {
    Key key = new Key(prefix, number);
    assert thread.confined() : "RequestCache used off the protocol thread";
    Entry e = entries.get(key);
    if (e == null || !type.isInstance(e.cache())) {
      throw new NoSuchElementException(
          "no pending " + type.getSimpleName() + " with identifier " + key);
    }
    entries.remove(key);
    size = entries.size();
    e.timeoutTask().dispose();
    e.cache().settleAnswered();
    return type.cast(e.cache());
  }

  /** The number of pending entries. */
  public int size() {
    return size;
  }

  /** How many {@code onTimeout} calls threw. */
  public long timeoutErrors() {
    return timeoutErrors.get();
  }

  /**
   * Cancels every timeout and forgets every entry (their {@link NumberCache#finished()} errors with
   * a {@code CancellationException}); new entries are still accepted.
   */
  public void clear() {
    for (Entry e : removeAll()) {
      e.timeoutTask().dispose();
      e.cache().settleCancelled("was cleared");
    }
  }

  private List<Entry> removeAll() {
    assert thread.confined() : "RequestCache used off the protocol thread";
    List<Entry> dropped = new ArrayList<>(entries.values());
    entries.clear();
    size = entries.size();
    return dropped;
  }

  /**
   * Cancels every timeout, forgets every entry and refuses new ones. Each pending entry is told:
   * its {@link NumberCache#onShutdown()} runs (an exception is logged) and its {@link
   * NumberCache#finished()} errors with a {@code CancellationException}. Idempotent.
   */
  public void shutdown() {
    assert thread.confined() : "RequestCache used off the protocol thread";
    shutdown = true;
    for (Entry e : removeAll()) {
      e.timeoutTask().dispose();
      try {
        e.cache().onShutdown();
      } catch (RuntimeException ex) {
        log.warn("onShutdown of {} failed", e.cache(), ex);
      }
      e.cache().settleCancelled("was pending when the request cache shut down");
    }
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutdown() {
    return shutdown;
  }

  private void fire(Key key, Entry entry) {
    thread.enter();
    // A pop (or clear) that raced with the timer wins: the entry is no longer ours to time out.
    if (entries.get(key) != entry) {
      return;
    }
    entries.remove(key);
    size = entries.size();
    try {
      entry.cache().onTimeout();
    } catch (RuntimeException e) {
      timeoutErrors.incrementAndGet();
      log.warn("onTimeout of {} failed", entry.cache(), e);
    }
    entry.cache().settleTimedOut();
  }
}
