package org.jipv8.api.discovery;

import java.util.Map;
import org.jipv8.api.community.Overlay;

/**
 * Builds a strategy for an overlay from the {@code init} arguments of a configuration entry ({@code
 * {strategy, peers, init}}).
 */
@FunctionalInterface
public interface StrategyFactory {

  /**
   * Creates the strategy.
   *
   * @param overlay the overlay it will walk
   * @param init keyword arguments from the configuration (never null, possibly empty)
   * @throws IllegalArgumentException naming the offending argument when {@code init} is invalid
   */
  DiscoveryStrategy create(Overlay overlay, Map<String, Object> init);
}
