package org.jipv8.api.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names a configuration may use, as the engine knows them: overlay classes, the strategies each
 * overlay accepts, and bootstrappers. The engine implements this over its registries; {@link
 * ConfigurationValidator#validateNames} uses it to reject unknown names before anything is built.
 *
 * <p>Implementations must be safe to call from any thread and must not block.
 */
public interface NameRegistry {

  /** The strategies every overlay accepts (py-ipv8's global table); they win on a name clash. */
  Set<String> BUILTIN_STRATEGIES = Set.of("RandomWalk", "EdgeWalk");

  /** The overlay names configuration files may use in {@code class}. */
  Set<String> overlayClasses();

  /**
   * The strategy names {@code overlayClass} accepts: {@link #BUILTIN_STRATEGIES} plus what the
   * overlay makes available ({@code Overlay.availableStrategies()}). Only asked for names in {@link
   * #overlayClasses()}.
   */
  Set<String> strategiesFor(String overlayClass);

  /** The bootstrapper names configuration files may use in {@code class}. */
  Set<String> bootstrapperClasses();

  /**
   * The keys {@code overlayClass} reads from {@code initialize}; any other key there is an error.
   * The default is what every overlay understands ({@link ConfigKeys#OVERLAY_SETTINGS}, that is
   * {@code max_peers}); a registry for overlays that read more from {@code settings().extra()}
   * returns those too (see {@link #withInitializeKeys}).
   */
  default Set<String> initializeKeysFor(String overlayClass) {
    return BASE_INITIALIZE_KEYS;
  }

  /** The {@code initialize} keys every overlay understands. */
  Set<String> BASE_INITIALIZE_KEYS =
      Set.copyOf(ConfigKeys.OVERLAY_SETTINGS.stream().map(ConfigArgument::name).toList());

  /**
   * This registry, with {@code keys} accepted in the {@code initialize} of {@code overlayClass} in
   * addition to the keys every overlay understands.
   */
  default NameRegistry withInitializeKeys(String overlayClass, Collection<String> keys) {
    NameRegistry base = this;
    Set<String> extra = Set.copyOf(keys);
    return new NameRegistry() {
      @Override
      public Set<String> overlayClasses() {
        return base.overlayClasses();
      }

      @Override
      public Set<String> strategiesFor(String overlay) {
        return base.strategiesFor(overlay);
      }

      @Override
      public Set<String> bootstrapperClasses() {
        return base.bootstrapperClasses();
      }

      @Override
      public Set<String> initializeKeysFor(String overlay) {
        Set<String> all = new LinkedHashSet<>(base.initializeKeysFor(overlay));
        if (overlay.equals(overlayClass)) {
          all.addAll(extra);
        }
        return Set.copyOf(all);
      }
    };
  }

  /**
   * A fixed registry: each overlay name maps to the strategies it makes available, to which {@link
   * #BUILTIN_STRATEGIES} are added.
   */
  static NameRegistry of(
      Map<String, ? extends Collection<String>> overlayStrategies,
      Collection<String> bootstrappers) {
    Map<String, Set<String>> strategies = new LinkedHashMap<>();
    overlayStrategies.forEach(
        (overlay, own) -> {
          Set<String> all = new LinkedHashSet<>(BUILTIN_STRATEGIES);
          all.addAll(own);
          strategies.put(overlay, Set.copyOf(all));
        });
    Set<String> overlays = Set.copyOf(strategies.keySet());
    Set<String> bootstrapperNames = Set.copyOf(bootstrappers);
    return new NameRegistry() {
      @Override
      public Set<String> overlayClasses() {
        return overlays;
      }

      @Override
      public Set<String> strategiesFor(String overlayClass) {
        return strategies.getOrDefault(overlayClass, BUILTIN_STRATEGIES);
      }

      @Override
      public Set<String> bootstrapperClasses() {
        return bootstrapperNames;
      }
    };
  }
}
