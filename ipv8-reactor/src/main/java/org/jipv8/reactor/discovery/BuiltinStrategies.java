package org.jipv8.reactor.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.discovery.StrategyProvider;
import org.jipv8.reactor.community.PingingOverlay;
import org.jipv8.reactor.community.SimilarityOverlay;

/**
 * The strategies py-ipv8 ships, by the names its configuration files use (runtime.md section 6.4).
 *
 * <ul>
 *   <li>{@link #global()}: {@code RandomWalk} and {@code EdgeWalk}, available to every overlay and
 *       winning on a name clash;
 *   <li>{@link #discoveryCommunity()}: {@code RandomChurn} and {@code PeriodicSimilarity}, offered
 *       to every overlay that can ping ({@link PingingOverlay}) and ask for similarity ({@link
 *       SimilarityOverlay}), as the DiscoveryCommunity does;
 *   <li>{@link #PING_CHURN}: offered by DHT-like communities.
 * </ul>
 *
 * <p>All maps are immutable and iterate in the order listed. Thread-safe.
 */
public final class BuiltinStrategies {
  public static final String RANDOM_WALK = "RandomWalk";
  public static final String EDGE_WALK = "EdgeWalk";
  public static final String RANDOM_CHURN = "RandomChurn";
  public static final String PERIODIC_SIMILARITY = "PeriodicSimilarity";
  public static final String PING_CHURN = "PingChurn";

  private static final Map<String, StrategyFactory> GLOBAL =
      ordered(RANDOM_WALK, RandomWalk.factory(), EDGE_WALK, EdgeWalk.factory());
  private static final Map<String, StrategyFactory> DISCOVERY =
      ordered(
          RANDOM_CHURN, RandomChurn.factory(), PERIODIC_SIMILARITY, PeriodicSimilarity.factory());

  private BuiltinStrategies() {}

  private static Map<String, StrategyFactory> ordered(
      String n1, StrategyFactory f1, String n2, StrategyFactory f2) {
    Map<String, StrategyFactory> m = new LinkedHashMap<>();
    m.put(n1, f1);
    m.put(n2, f2);
    return Collections.unmodifiableMap(m);
  }

  /** The global table: {@code RandomWalk}, {@code EdgeWalk}. */
  public static Map<String, StrategyFactory> global() {
    return GLOBAL;
  }

  /** What a DiscoveryCommunity offers: {@code RandomChurn}, {@code PeriodicSimilarity}. */
  public static Map<String, StrategyFactory> discoveryCommunity() {
    return DISCOVERY;
  }

  /** The {@code PingChurn} factory, for DHT-like communities to offer. */
  public static StrategyFactory pingChurn() {
    return PingChurn.factory();
  }

  /**
   * Resolves a configured strategy name for an overlay: the global table first, then what the
   * overlay offers ({@link #offered}).
   *
   * @throws IllegalArgumentException naming the strategy, the overlay and the names it could use
   */
  public static StrategyFactory resolve(String name, Overlay overlay) {
    StrategyFactory f = GLOBAL.get(name);
    if (f != null) {
      return f;
    }
    Map<String, StrategyFactory> offered = offered(overlay);
    f = offered.get(name);
    if (f != null) {
      return f;
    }
    TreeSet<String> known = new TreeSet<>(GLOBAL.keySet());
    known.addAll(offered.keySet());
    throw new IllegalArgumentException(
        "unknown discovery strategy '"
            + name
            + "' for overlay "
            + overlay.getClass().getSimpleName()
            + "; it can use: "
            + String.join(", ", known));
  }

  /**
   * What {@code overlay} offers besides the global table: {@link #discoveryCommunity()} when it can
   * ping and ask for similarity, then its own {@link StrategyProvider#availableStrategies()}.
   */
  public static Map<String, StrategyFactory> offered(Overlay overlay) {
    Map<String, StrategyFactory> out = new LinkedHashMap<>();
    if (overlay instanceof PingingOverlay && overlay instanceof SimilarityOverlay) {
      out.putAll(DISCOVERY);
    }
    if (overlay instanceof StrategyProvider provider) {
      out.putAll(provider.availableStrategies());
    }
    return Collections.unmodifiableMap(out);
  }
}
