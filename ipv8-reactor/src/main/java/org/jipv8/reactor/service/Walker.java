package org.jipv8.reactor.service;

import java.util.Objects;
import java.util.function.Function;
import org.jipv8.api.discovery.DiscoveryStrategy;

/**
 * A discovery strategy to run on an overlay registered in code, with its peer target (py-ipv8's
 * {@code WalkerDefinition}). Immutable; one walker may be used for any number of nodes, because
 * each node gets a strategy of its own from {@link #strategy}.
 *
 * <pre>{@code
 * Walker<NetworkOverlay> walk = Walkers.randomWalk(20);
 * Walker<ClockCommunity> mine = Walker.of(AskRandomPeer::new, -1);
 * }</pre>
 *
 * @param <O> the overlay type the strategy needs
 * @param strategy creates the strategy for one overlay instance; called while the node is built
 * @param targetPeers the strategy takes steps while the overlay has fewer peers; {@code -1}: always
 */
public record Walker<O>(
    Function<? super O, ? extends DiscoveryStrategy> strategy, int targetPeers) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException when {@code targetPeers} is below {@code -1}
   */
  public Walker {
    Objects.requireNonNull(strategy, "strategy");
    if (targetPeers < -1) {
      throw new IllegalArgumentException(
          "targetPeers must be -1 (always) or a peer count, was " + targetPeers);
    }
  }

  /** A walker from a strategy constructor, e.g. {@code Walker.of(AskRandomPeer::new, -1)}. */
  public static <O> Walker<O> of(
      Function<? super O, ? extends DiscoveryStrategy> strategy, int targetPeers) {
    return new Walker<>(strategy, targetPeers);
  }
}
