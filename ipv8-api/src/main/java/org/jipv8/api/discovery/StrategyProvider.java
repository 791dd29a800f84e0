package org.jipv8.api.discovery;

import java.util.Map;

/**
 * An overlay that offers discovery strategies by name for configuration files (py-ipv8's {@code
 * get_available_strategies()}). The built-ins {@code RandomWalk} and {@code EdgeWalk} are always
 * available and win on a name clash; strategies that need a capability (pinging, similarity) are
 * offered to every overlay that has it.
 *
 * <p>Kept apart from {@code Overlay} so that the overlay contract does not depend on the discovery
 * package (which depends on it).
 */
public interface StrategyProvider {

  /** The strategies this overlay offers, by name; immutable, never null. */
  Map<String, StrategyFactory> availableStrategies();
}
