package org.jipv8.reactor.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * An immutable builder of {@link SimulatedNetwork}s: every call returns a new builder. Setters
 * validate at once and throw {@link IllegalArgumentException} naming the setting.
 *
 * <p>Defaults: {@link LinkConditions#PERFECT} (1 ms latency, nothing lost), seed 0, and Reactor's
 * shared {@code Schedulers.single()}. Tests should pass a {@code VirtualTimeScheduler}.
 */
public final class SimulatedNetworkBuilder {
  private Scheduler scheduler;
  private long seed;
  private LinkConditions conditions = LinkConditions.PERFECT;

  SimulatedNetworkBuilder() {}

  private SimulatedNetworkBuilder copy() {
    SimulatedNetworkBuilder b = new SimulatedNetworkBuilder();
    b.scheduler = scheduler;
    b.seed = seed;
    b.conditions = conditions;
    return b;
  }

  /**
   * The scheduler that runs deliveries; use a single-threaded one (a {@code VirtualTimeScheduler}
   * in tests) for determinism.
   */
  public SimulatedNetworkBuilder scheduler(Scheduler scheduler) {
    SimulatedNetworkBuilder b = copy();
    b.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return b;
  }

  /** The seed of the network's random generator (loss, jitter, duplication, reordering). */
  public SimulatedNetworkBuilder seed(long seed) {
    SimulatedNetworkBuilder b = copy();
    b.seed = seed;
    return b;
  }

  /** All link conditions at once. */
  public SimulatedNetworkBuilder conditions(LinkConditions conditions) {
    SimulatedNetworkBuilder b = copy();
    b.conditions = Objects.requireNonNull(conditions, "conditions");
    return b;
  }

  /** Probability (0..1) that a datagram is lost. */
  public SimulatedNetworkBuilder lossProbability(double p) {
    return conditions(conditions.withLossProbability(p));
  }

  /** One-way delay: {@code fixed} plus a uniform random share of {@code jitter}. */
  public SimulatedNetworkBuilder latency(Duration fixed, Duration jitter) {
    return conditions(conditions.withLatency(fixed, jitter));
  }

  /** A fixed one-way delay without jitter. */
  public SimulatedNetworkBuilder latency(Duration fixed) {
    return latency(fixed, Duration.ZERO);
  }

  /** Probability (0..1) that a datagram is delivered twice. */
  public SimulatedNetworkBuilder duplicationProbability(double p) {
    return conditions(conditions.withDuplicationProbability(p));
  }

  /**
   * Probability (0..1) that a datagram is held back by {@code extraDelay}, letting later ones
   * overtake it.
   */
  public SimulatedNetworkBuilder reordering(double p, Duration extraDelay) {
    return conditions(conditions.withReordering(p, extraDelay));
  }

  /** The network. */
  public SimulatedNetwork build() {
    Scheduler s = scheduler != null ? scheduler : Schedulers.single();
    // SplittableRandom: a specified algorithm, so a seed gives the same run on every JDK.
    return new SimulatedNetwork(s, new SplittableRandom(seed), conditions);
  }
}
