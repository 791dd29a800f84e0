package org.jipv8.reactor.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated network treats every datagram. Immutable.
 *
 * <p>Each datagram is lost with {@code lossProbability}; otherwise it arrives after {@code latency}
 * plus a uniform random share of {@code jitter} (so jitter alone can reorder datagrams). With
 * {@code reorderProbability} it is held back a further {@code reorderDelay}, so that later
 * datagrams overtake it. With {@code duplicationProbability} a second copy is delivered, with its
 * own delay. A delivery is always at least one nanosecond after the send, so it never happens
 * inside {@code send()}, not even on a virtual-time scheduler.
 *
 * @param lossProbability 0..1
 * @param latency fixed one-way delay, not negative
 * @param jitter the most extra random delay, not negative
 * @param duplicationProbability 0..1
 * @param reorderProbability 0..1
 * @param reorderDelay extra delay of a reordered datagram, not negative
 */
public record LinkConditions(
    double lossProbability,
    Duration latency,
    Duration jitter,
    double duplicationProbability,
    double reorderProbability,
    Duration reorderDelay) {

  /** A perfect network: no loss, duplication or reordering, 1 ms latency. */
  public static final LinkConditions PERFECT =
      new LinkConditions(0, Duration.ofMillis(1), Duration.ZERO, 0, 0, Duration.ofMillis(10));

  public LinkConditions {
    probability("lossProbability", lossProbability);
    probability("duplicationProbability", duplicationProbability);
    probability("reorderProbability", reorderProbability);
    nonNegative("latency", latency);
    nonNegative("jitter", jitter);
    nonNegative("reorderDelay", reorderDelay);
  }

  /** The same conditions with another loss probability. */
  public LinkConditions withLossProbability(double p) {
    return new LinkConditions(
        p, latency, jitter, duplicationProbability, reorderProbability, reorderDelay);
  }

  /** The same conditions with another latency and jitter. */
  public LinkConditions withLatency(Duration fixed, Duration maxJitter) {
    return new LinkConditions(
        lossProbability,
        fixed,
        maxJitter,
        duplicationProbability,
        reorderProbability,
        reorderDelay);
  }

  /** The same conditions with another duplication probability. */
  public LinkConditions withDuplicationProbability(double p) {
    return new LinkConditions(
        lossProbability, latency, jitter, p, reorderProbability, reorderDelay);
  }

  /** The same conditions with another reordering probability and delay. */
  public LinkConditions withReordering(double p, Duration delay) {
    return new LinkConditions(lossProbability, latency, jitter, duplicationProbability, p, delay);
  }

  private static void probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in 0..1, was " + p);
    }
  }

  private static void nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
  }
}
