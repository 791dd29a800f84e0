/**
 * The engine's discovery: py-ipv8's built-in strategies ({@link
 * org.jipv8.reactor.discovery.RandomWalk}, {@link org.jipv8.reactor.discovery.EdgeWalk}, {@link
 * org.jipv8.reactor.discovery.RandomChurn}, {@link org.jipv8.reactor.discovery.PeriodicSimilarity},
 * {@link org.jipv8.reactor.discovery.PingChurn}), their configuration factories ({@link
 * org.jipv8.reactor.discovery.BuiltinStrategies}) and the loop that steps them ({@link
 * org.jipv8.reactor.discovery.StrategyScheduler}).
 *
 * <p>Strategies read time and randomness from their overlay ({@code NetworkOverlay.now()}, {@code
 * random()}), so they run deterministically on virtual time. Parameters and return values are
 * non-null unless documented.
 */
@NullMarked
package org.jipv8.reactor.discovery;

import org.jspecify.annotations.NullMarked;
