package org.jipv8.reactor.community;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jipv8.api.messaging.DropReason;
import org.slf4j.Logger;

/**
 * Rate-limited logging of dropped datagrams: bad input must never cost one log line per datagram.
 * The first {@value #FIRST_LINES} drops of each reason are logged in full; after that drops are
 * only counted, and once per {@link #INTERVAL_MS interval} (checked when the next drop arrives) one
 * summary line says how many of each reason were not logged.
 *
 * <p>Threading: confined to the protocol thread (no locks).
 */
final class DropLog {
  /** Drops of one reason logged in full before summaries take over. */
  static final int FIRST_LINES = 5;

  /** Milliseconds between summary lines. */
  static final long INTERVAL_MS = 60_000;

  private final Logger log;
  private final String owner;
  private final LongSupplier clock;
  private final Map<DropReason, Long> logged = new EnumMap<>(DropReason.class);
  private final Map<DropReason, Long> suppressed = new EnumMap<>(DropReason.class);
  private long lastSummary = Long.MIN_VALUE;
  private long lines;

  DropLog(Logger log, String owner, LongSupplier clock) {
    this.log = log;
    this.owner = owner;
    this.clock = clock;
  }

  /**
   * Logs one drop at WARN (ERROR for handler failures) while its reason has had fewer than {@value
   * #FIRST_LINES} lines, else counts it for the next summary. {@code format} and {@code args} are
   * slf4j's; a trailing throwable is logged with its stack trace only for handler failures.
   */
  void drop(DropReason reason, String format, Object... args) {
    long n = logged.merge(reason, 1L, Long::sum);
    if (n <= FIRST_LINES) {
      lines++;
      if (reason == DropReason.HANDLER_ERROR) {
        log.error(owner + ": " + format, args);
      } else if (log.isWarnEnabled()) {
        log.warn(owner + ": " + format, withoutThrowable(args));
      }
      if (n == FIRST_LINES) {
        log.warn(
            "{}: {} drops logged; further ones are summarised every {} s",
            owner,
            reason,
            INTERVAL_MS / 1000);
      }
    } else {
      suppressed.merge(reason, 1L, Long::sum);
    }
    summariseIfDue();
  }

  /** How many lines were written (tests). */
  long lines() {
    return lines;
  }

  private void summariseIfDue() {
    long now = clock.getAsLong();
    if (suppressed.isEmpty()) {
      return;
    }
    if (lastSummary != Long.MIN_VALUE && now - lastSummary < INTERVAL_MS) {
      return;
    }
    if (lastSummary == Long.MIN_VALUE) {
      lastSummary = now;
      return;
    }
    lines++;
    log.warn("{}: dropped without a log line in the last interval: {}", owner, suppressed);
    suppressed.clear();
    lastSummary = now;
  }

  private static Object[] withoutThrowable(Object[] args) {
    if (args.length > 0 && args[args.length - 1] instanceof Throwable t) {
      Object[] copy = args.clone();
      copy[copy.length - 1] = t.toString();
      return copy;
    }
    return args;
  }
}
