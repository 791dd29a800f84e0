package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.Objects;

/**
 * One outstanding request held by a {@link RequestCache}, identified by {@code (prefix, number)}:
 * typically the nonce of a message we sent and expect an answer to.
 *
 * <p>Subclasses carry whatever the answer's handler needs and say what happens when no answer came
 * in time ({@link #onTimeout()}). The timeout defaults to 10 seconds, as in py-ipv8.
 *
 * <p>Threading: {@link #onTimeout()} runs on the request cache's scheduler (the protocol thread).
 */
public abstract class NumberCache {

  /** py-ipv8's default time to wait for an answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final String prefix;
  private final long number;

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

  @Override
  public String toString() {
    return getClass().getSimpleName() + "<" + prefix + ":" + number + ">";
  }
}
