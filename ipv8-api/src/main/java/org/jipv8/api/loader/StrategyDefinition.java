package org.jipv8.api.loader;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Objects;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;

/**
 * A strategy a launcher asks for: py-ipv8's {@code (strategy class, kwargs, target_peers)} tuple.
 *
 * @param strategyClass the strategy class
 * @param init its keyword arguments; read-only, may hold null values
 * @param targetPeers the strategy runs while the overlay has fewer peers than this; -1 means always
 */
public record StrategyDefinition(
    Class<? extends DiscoveryStrategy> strategyClass, Map<String, Object> init, int targetPeers) {

  public StrategyDefinition {
    Objects.requireNonNull(strategyClass, "strategyClass");
    init = Immutable.map(Objects.requireNonNull(init, "init"));
    if (targetPeers < -1) {
      throw new IllegalArgumentException(
          "targetPeers of "
              + strategyClass.getName()
              + " is "
              + targetPeers
              + ": use -1 (always) or a peer count of 0 or more");
    }
  }

  /**
   * Builds the strategy for {@code overlay}, as py-ipv8's {@code strategy_class(overlay,
   * **kwargs)}: with a public constructor {@code (O overlay, Map<String, Object> init)}, where
   * {@code O} is a type the overlay is an instance of; or, when {@code init} is empty, with a
   * public constructor {@code (O overlay)}. The engine may build its own strategy classes
   * differently (see {@link LaunchTarget#createStrategy}).
   *
   * @throws IllegalArgumentException naming the class and the constructors it needs when there is
   *     no suitable constructor
   * @throws RuntimeException whatever the constructor throws
   */
  public DiscoveryStrategy create(Overlay overlay) {
    Constructor<?> withInit = null;
    Constructor<?> plain = null;
    for (Constructor<?> c : strategyClass.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 2 && p[0].isInstance(overlay) && p[1] == Map.class) {
        withInit = c;
      } else if (p.length == 1 && p[0].isInstance(overlay)) {
        plain = c;
      }
    }
    if (withInit != null) {
      return Reflection.construct(strategyClass, withInit, overlay, init);
    }
    if (plain != null && init.isEmpty()) {
      return Reflection.construct(strategyClass, plain, overlay);
    }
    throw new IllegalArgumentException(
        "cannot build strategy "
            + strategyClass.getName()
            + " for "
            + overlay.getClass().getName()
            + (init.isEmpty() ? "" : " with arguments " + init.keySet())
            + ": give it a public constructor (overlay, Map<String, Object> init)"
            + (init.isEmpty() ? " or (overlay)" : "")
            + " whose overlay parameter accepts "
            + overlay.getClass().getSimpleName());
  }

  /** Reflection helpers shared by the definitions. */
  static final class Reflection {
    private Reflection() {}

    static <T> T construct(Class<T> type, Constructor<?> constructor, Object... args) {
      try {
        return type.cast(constructor.newInstance(args));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("constructor of " + type.getName() + " failed", cause);
      } catch (InstantiationException | IllegalAccessException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName(), e);
      }
    }
  }
}
