package org.jipv8.api.config;

/**
 * The strategy names py-ipv8's {@code ConfigBuilder} offers (its {@code Strategy} enum). Any other
 * name a community makes available may be used as a plain string.
 *
 * <p>Availability differs per overlay: {@code RandomWalk} and {@code EdgeWalk} work everywhere,
 * {@code RandomChurn} and {@code PeriodicSimilarity} only on the DiscoveryCommunity, {@code
 * PingChurn} only on DHT communities.
 */
public enum StrategyName {
  /** Random walk over introductions. */
  RANDOM_WALK("RandomWalk"),
  /** Random churn: pings silent peers and drops dead ones. */
  RANDOM_CHURN("RandomChurn"),
  /** Periodic similarity requests. */
  PERIODIC_SIMILARITY("PeriodicSimilarity"),
  /** Edge walk: short walks from a neighbourhood. */
  EDGE_WALK("EdgeWalk"),
  /** DHT ping churn. */
  PING_CHURN("PingChurn");

  private final String configName;

  StrategyName(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration files. */
  public String configName() {
    return configName;
  }
}
