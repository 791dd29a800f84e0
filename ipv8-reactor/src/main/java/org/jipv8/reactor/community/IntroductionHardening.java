package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Introduction-protocol hardening beyond py-ipv8 3.1, on by default and interoperable (a py-ipv8
 * peer sees nothing but the odd repeated request):
 *
 * <ul>
 *   <li>An introduction-response is accepted only as the answer to an introduction-request we sent
 *       to that address with that identifier within {@code responseTimeout}; anything else is
 *       dropped and counted as {@code UNSOLICITED_RESPONSE} (py-ipv8 accepts any response, so one
 *       datagram could steer our walk to an address of the sender's choice and add peers past
 *       {@code max_peers}).
 *   <li>An unanswered request is sent again after {@code retryInterval}, at most {@code retries}
 *       times (same identifier): one lost datagram no longer costs a whole walk step.
 *   <li>Puncture-requests are rate-limited per source and per target address (at most {@code
 *       punctureRequestsPerSource} and {@code punctureRequestsPerTarget} per {@code rateWindow});
 *       the rest are dropped as {@code RATE_LIMITED}, so an unsigned 40-byte datagram cannot make
 *       us send signed punctures to third addresses at will.
 *   <li>State is bounded: at most {@code maxPending} outstanding requests and {@code
 *       maxTrackedAddresses} addresses per rate limiter (oldest forgotten first).
 * </ul>
 *
 * <p>Set through a community's {@code initialize} settings: {@code introduction_hardening} (false
 * restores py-ipv8's behaviour), {@code introduction_response_timeout} and {@code
 * introduction_retry_interval} (seconds), {@code introduction_retries}, {@code
 * puncture_request_rate} and {@code puncture_target_rate} (per second).
 */
public record IntroductionHardening(
    boolean enabled,
    Duration responseTimeout,
    int retries,
    Duration retryInterval,
    int maxPending,
    int punctureRequestsPerSource,
    int punctureRequestsPerTarget,
    Duration rateWindow,
    int maxTrackedAddresses) {

  /**
   * The defaults: 5 s to answer, 3 retries 500 ms apart (under 30% loss 50 simulated nodes then
   * converge in 1.4x their loss-free time instead of 8x), 20 and 3 puncture-requests a second.
   */
  public static final IntroductionHardening DEFAULT =
      new IntroductionHardening(
          true,
          Duration.ofSeconds(5),
          3,
          Duration.ofMillis(500),
          1024,
          20,
          3,
          Duration.ofSeconds(1),
          1024);

  /** py-ipv8 3.1's behaviour: every response accepted, no retries, no rate limits. */
  public static final IntroductionHardening DISABLED =
      new IntroductionHardening(
          false,
          Duration.ofSeconds(5),
          0,
          Duration.ofMillis(500),
          1024,
          Integer.MAX_VALUE,
          Integer.MAX_VALUE,
          Duration.ofSeconds(1),
          1024);

  /** Checks the values; a bad one names itself. */
  public IntroductionHardening {
    positive("introduction_response_timeout", Objects.requireNonNull(responseTimeout));
    positive("introduction_retry_interval", Objects.requireNonNull(retryInterval));
    positive("rateWindow", Objects.requireNonNull(rateWindow));
    if (retries < 0) {
      throw new IllegalArgumentException("introduction_retries must be >= 0, was " + retries);
    }
    if (maxPending <= 0 || maxTrackedAddresses <= 0) {
      throw new IllegalArgumentException("maxPending and maxTrackedAddresses must be positive");
    }
    if (punctureRequestsPerSource <= 0 || punctureRequestsPerTarget <= 0) {
      throw new IllegalArgumentException(
          "puncture_request_rate and puncture_target_rate must be positive, were "
              + punctureRequestsPerSource
              + " and "
              + punctureRequestsPerTarget);
    }
  }

  private static void positive(String key, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + d);
    }
  }

  /**
   * The hardening a community's {@code initialize} settings ask for: {@link #DEFAULT} changed by
   * the keys present.
   *
   * @throws IllegalArgumentException naming the key whose value has the wrong type or range
   */
  public static IntroductionHardening fromSettings(Map<String, Object> extra) {
    Object on = extra.get("introduction_hardening");
    if (on != null && !(on instanceof Boolean)) {
      throw new IllegalArgumentException("introduction_hardening must be true or false, got " + on);
    }
    IntroductionHardening base = Boolean.FALSE.equals(on) ? DISABLED : DEFAULT;
    return new IntroductionHardening(
        base.enabled(),
        seconds(extra, "introduction_response_timeout", base.responseTimeout()),
        integer(extra, "introduction_retries", base.retries()),
        seconds(extra, "introduction_retry_interval", base.retryInterval()),
        base.maxPending(),
        integer(extra, "puncture_request_rate", base.punctureRequestsPerSource()),
        integer(extra, "puncture_target_rate", base.punctureRequestsPerTarget()),
        base.rateWindow(),
        base.maxTrackedAddresses());
  }

  private static Duration seconds(Map<String, Object> extra, String key, Duration fallback) {
    Object v = extra.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || !(n.doubleValue() > 0)) {
      throw new IllegalArgumentException(key + " must be a positive number of seconds, got " + v);
    }
    return Duration.ofNanos(Math.round(n.doubleValue() * 1e9));
  }

  private static int integer(Map<String, Object> extra, String key, int fallback) {
    Object v = extra.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
      throw new IllegalArgumentException(key + " must be a non-negative integer, got " + v);
    }
    return (int) Math.min(Integer.MAX_VALUE, ((Number) v).longValue());
  }
}
