package org.jipv8.api.config;

import java.util.Map;

/**
 * One discovery strategy of an overlay: an entry of {@code overlays[].walkers}, written {@code
 * {"strategy": "RandomWalk", "peers": 20, "init": {"timeout": 3.0}}}.
 *
 * <p>The strategy name is not checked here, because which names exist depends on the overlay and on
 * what the engine registered; see {@link ConfigurationValidator#validateNames}.
 *
 * <p>The constructor throws {@link ConfigurationException} when the name is empty, {@code peers} is
 * below -1, {@code init} holds a value a file cannot hold, or, for the built-in strategies ({@link
 * ConfigKeys#STRATEGY_ARGUMENTS}), {@code init} has an argument the strategy does not take (paths
 * relative to the entry).
 *
 * @param strategy the strategy name (file key {@code strategy}), for example {@code RandomWalk}
 * @param peers the strategy runs while the overlay has fewer peers than this; -1 means always (file
 *     key {@code peers})
 * @param init the strategy's keyword arguments (file key {@code init}); deep-immutable
 */
public record WalkerConfig(String strategy, int peers, Map<String, Object> init) {

  /** The {@code peers} value meaning "run on every tick". */
  public static final int ALWAYS = -1;

  public WalkerConfig {
    if (strategy == null || strategy.isEmpty()) {
      throw new ConfigurationException(
          "strategy", "missing or empty", "give a strategy name such as RandomWalk");
    }
    if (peers < ALWAYS) {
      throw new ConfigurationException(
          "peers",
          "target " + peers + " is below -1",
          "use -1 to run on every tick, or the number of peers to reach (0 or more)");
    }
    init = ConfigValues.map(init, "init");
    java.util.List<ConfigurationException> problems =
        InitChecks.unknownArguments(ConfigKeys.STRATEGY_ARGUMENTS, strategy, init);
    if (!problems.isEmpty()) {
      throw ConfigurationException.combine(problems);
    }
  }

  /** A walker for one of py-ipv8's strategy names. */
  public static WalkerConfig of(StrategyName strategy, int peers, Map<String, ?> init) {
    return new WalkerConfig(strategy.configName(), peers, copy(init));
  }

  /** A walker for any strategy name. */
  public static WalkerConfig of(String strategy, int peers, Map<String, ?> init) {
    return new WalkerConfig(strategy, peers, copy(init));
  }

  private static Map<String, Object> copy(Map<String, ?> init) {
    return ConfigValues.map(init, "init");
  }
}
