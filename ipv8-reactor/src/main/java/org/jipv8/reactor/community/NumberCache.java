package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One outstanding request held by a {@link RequestCache}, identified by {@code (prefix, number)}:
 * typically the nonce of a message we sent and expect an answer to.
 *
 * <p>Subclasses carry whatever the answer's handler needs and say what happens when no answer came
 * in time ({@link #onTimeout()}). The timeout defaults to 10 seconds, as in py-ipv8.
 *
 * <p>{@link #finished()} is the entry's outcome as a {@code Mono}: it completes when the entry is
 * popped (answered), errors with {@link TimeoutException} when it timed out and with {@link
 * CancellationException} when the request cache was cleared or shut down.
 *
 * <p>Threading: {@link #onTimeout()} and {@link #onShutdown()} run on the request cache's scheduler
 * (the protocol thread) or on the thread that shut the cache down.
 */
public abstract class NumberCache {

  /** py-ipv8's default time to wait for an answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final String prefix;
  private final long number;
  private final Sinks.One<Void> outcome = Sinks.one();

  /**
   * A cache entry.
   *
   * @param prefix the kind of request (py-ipv8 uses the cache's name), never null
   * @param number the request's number, unique per prefix while the entry lives
   */
  protected NumberCache(String prefix, long number) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.number = number;
  }

  /** The kind of request. */
  public final String prefix() {
    return prefix;
  }

  /** The request's number. */
  public final long number() {
    return number;
  }

  /** How long to wait for the answer; must be positive. */
  public Duration timeout() {
    return DEFAULT_TIMEOUT;
  }

  /**
   * Called once when the entry timed out, after it was removed from the cache. An exception is
   * logged and counted by the request cache.
   */
  public abstract void onTimeout();

  /**
   * Called once when the request cache is shut down while this entry is pending, after it was
   * removed. Does nothing by default; an exception is logged by the request cache.
   */
  protected void onShutdown() {}

  /**
   * The outcome of this entry, lazily: completes empty once the entry was popped, errors with
   * {@link TimeoutException} once it timed out and with {@link CancellationException} once the
   * request cache was cleared or shut down. Signals arrive on the thread that settled the entry; a
   * subscriber after the outcome gets it at once.
   */
  public final Mono<Void> finished() {
    return outcome.asMono();
  }

  final void settleAnswered() {
    outcome.tryEmitEmpty();
  }

  final void settleTimedOut() {
    outcome.tryEmitError(new TimeoutException(this + " timed out after " + timeout()));
  }

  final void settleCancelled(String why) {
    outcome.tryEmitError(new CancellationException(this + " " + why));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "<" + prefix + ":" + number + ">";
  }
}
