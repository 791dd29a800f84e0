package org.jipv8.reactor.discovery;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jipv8.api.community.Overlay;

/**
 * Reads the {@code init} keyword arguments of a strategy configuration entry the way py-ipv8 names
 * them, failing fast with the key and what is accepted.
 */
final class StrategyArgs {
  /** Larger magnitudes make no sense as seconds and would overflow millisecond arithmetic. */
  private static final double MAX_SECONDS = 1e12;

  private final String strategy;
  private final Map<String, Object> init;

  private StrategyArgs(String strategy, Map<String, Object> init) {
    this.strategy = strategy;
    this.init = init;
  }

  /**
   * Checks that {@code init} only holds {@code accepted} keys.
   *
   * @throws IllegalArgumentException naming the first unknown key (alphabetically) and the accepted
   *     ones
   */
  static StrategyArgs of(String strategy, Map<String, Object> init, String... accepted) {
    Objects.requireNonNull(init, "init");
    List<String> ok = List.of(accepted);
    for (String key : new TreeSet<>(init.keySet())) {
      if (!ok.contains(key)) {
        throw new IllegalArgumentException(
            "unknown init argument '"
                + key
                + "' for strategy "
                + strategy
                + (ok.isEmpty()
                    ? ": it takes no arguments"
                    : "; accepted: " + String.join(", ", ok)));
      }
    }
    return new StrategyArgs(strategy, init);
  }

  /** A number of seconds (integer or decimal) as a duration; {@code def} when absent. */
  Duration seconds(String key, Duration def) {
    if (!init.containsKey(key)) {
      return def;
    }
    Object v = init.get(key);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw wrong(key, v, "a number of seconds, e.g. 3.0");
    }
    double d = n.doubleValue();
    if (Math.abs(d) > MAX_SECONDS) {
      throw wrong(key, v, "a number of seconds between -1e12 and 1e12");
    }
    long whole = (long) Math.floor(d);
    return Duration.ofSeconds(whole).plusNanos(Math.round((d - whole) * 1e9));
  }

  /**
   * A whole number; {@code def} when absent. Integral decimals such as {@code 5.0} are accepted.
   */
  int integer(String key, int def) {
    if (!init.containsKey(key)) {
      return def;
    }
    Object v = init.get(key);
    long value;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      value = ((Number) v).longValue();
    } else if (v instanceof BigInteger b && b.bitLength() < 32) {
      value = b.longValue();
    } else if ((v instanceof Double || v instanceof Float || v instanceof BigDecimal)
        && isIntegral(((Number) v).doubleValue())) {
      value = (long) ((Number) v).doubleValue();
    } else {
      throw wrong(key, v, "a whole number");
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrong(key, v, "a whole number that fits in 32 bits");
    }
    return (int) value;
  }

  private static boolean isIntegral(double d) {
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
  }

  private IllegalArgumentException wrong(String key, Object v, String expected) {
    String got = v == null ? "null" : "'" + v + "' (" + v.getClass().getSimpleName() + ")";
    return new IllegalArgumentException(
        "init argument '"
            + key
            + "' of strategy "
            + strategy
            + " must be "
            + expected
            + ", got "
            + got);
  }

  /**
   * Casts the overlay to what the strategy needs.
   *
   * @throws IllegalArgumentException naming the strategy and the required type
   */
  static <O> O overlay(String strategy, Overlay overlay, Class<O> type) {
    if (!type.isInstance(overlay)) {
      throw new IllegalArgumentException(
          "strategy "
              + strategy
              + " needs an overlay implementing "
              + type.getName()
              + ", got "
              + (overlay == null ? "null" : overlay.getClass().getName()));
    }
    return type.cast(overlay);
  }

  /** Milliseconds of a duration, saturated so that {@code now + millis} cannot overflow. */
  static long millis(Duration d) {
    long limit = Long.MAX_VALUE / 4;
    if (d.compareTo(Duration.ofMillis(limit)) > 0) {
      return limit;
    }
    if (d.compareTo(Duration.ofMillis(-limit)) < 0) {
      return -limit;
    }
    return d.toMillis();
  }
}
