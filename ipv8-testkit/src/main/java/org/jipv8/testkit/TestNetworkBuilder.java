package org.jipv8.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.sim.LinkConditions;
import org.jipv8.reactor.sim.NatType;

/**
 * An immutable builder of {@link TestNetwork}s: every call returns a new builder. Setters validate
 * at once and throw {@link IllegalArgumentException} naming the setting.
 *
 * <p>Defaults: 2 nodes, seed 42, {@link LinkConditions#PERFECT} links (1 ms, nothing lost), every
 * node public, no walkers (introduce nodes with {@link TestNetwork#introduceAll()}, or add walkers
 * with {@link #overlay}).
 *
 * @param <C> the community under test
 */
public final class TestNetworkBuilder<C extends Community> {
  final OverlayDefinition<C> definition;
  final int nodes;
  final long seed;
  final LinkConditions conditions;
  final Map<Integer, NatType> nats;
  final Duration walkerInterval;

  TestNetworkBuilder(
      OverlayDefinition<C> definition,
      int nodes,
      long seed,
      LinkConditions conditions,
      Map<Integer, NatType> nats,
      Duration walkerInterval) {
    this.definition = definition;
    this.nodes = nodes;
    this.seed = seed;
    this.conditions = conditions;
    this.nats = Map.copyOf(nats);
    this.walkerInterval = walkerInterval;
  }

  /** The number of nodes (at least 1). */
  public TestNetworkBuilder<C> nodes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, was " + count);
    }
    return new TestNetworkBuilder<>(definition, count, seed, conditions, nats, walkerInterval);
  }

  /** The seed of every random choice: keys, walks, loss, jitter. Same seed, same run. */
  public TestNetworkBuilder<C> seed(long seed) {
    return new TestNetworkBuilder<>(definition, nodes, seed, conditions, nats, walkerInterval);
  }

  /**
   * Changes the overlay's definition (walkers, start actions, {@code initialize} settings), e.g.
   * {@code b -> b.walker(Walkers.randomWalk(10))}.
   */
  public TestNetworkBuilder<C> overlay(UnaryOperator<OverlayDefinition<C>> change) {
    OverlayDefinition<C> next = Objects.requireNonNull(change.apply(definition), "definition");
    return new TestNetworkBuilder<>(next, nodes, seed, conditions, nats, walkerInterval);
  }

  /** All link conditions at once. */
  public TestNetworkBuilder<C> conditions(LinkConditions conditions) {
    Objects.requireNonNull(conditions, "conditions");
    return new TestNetworkBuilder<>(definition, nodes, seed, conditions, nats, walkerInterval);
  }

  /** Probability (0..1) that a datagram is lost. */
  public TestNetworkBuilder<C> lossProbability(double p) {
    return conditions(conditions.withLossProbability(p));
  }

  /** One-way delay: {@code fixed} plus a uniform random share of {@code jitter}. */
  public TestNetworkBuilder<C> latency(Duration fixed, Duration jitter) {
    return conditions(conditions.withLatency(fixed, jitter));
  }

  /** Probability (0..1) that a datagram is delivered twice. */
  public TestNetworkBuilder<C> duplicationProbability(double p) {
    return conditions(conditions.withDuplicationProbability(p));
  }

  /** Puts node {@code index} (from 0) alone behind a NAT of {@code type}. */
  public TestNetworkBuilder<C> behindNat(int index, NatType type) {
    if (index < 0) {
      throw new IllegalArgumentException("node index must not be negative, was " + index);
    }
    Map<Integer, NatType> next = new TreeMap<>(nats);
    next.put(index, Objects.requireNonNull(type, "type"));
    return new TestNetworkBuilder<>(definition, nodes, seed, conditions, next, walkerInterval);
  }

  /** Time between rounds of each node's strategy loop (default 0.5 s, py-ipv8's). */
  public TestNetworkBuilder<C> walkerInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("walkerInterval must be positive, was " + interval);
    }
    return new TestNetworkBuilder<>(definition, nodes, seed, conditions, nats, interval);
  }

  /**
   * Builds the network and starts every node on virtual time (nothing else runs until the test
   * advances the clock).
   *
   * @throws IllegalArgumentException when a NAT was asked for a node index that does not exist
   */
  public TestNetwork<C> start() {
    for (int index : nats.keySet()) {
      if (index >= nodes) {
        throw new IllegalArgumentException(
            "behindNat(" + index + ", ..) names a node that does not exist; nodes: " + nodes);
      }
    }
    return new TestNetwork<>(this);
  }
}
