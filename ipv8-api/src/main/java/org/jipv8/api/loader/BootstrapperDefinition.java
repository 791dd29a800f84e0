package org.jipv8.api.loader;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Objects;
import org.jipv8.api.bootstrap.Bootstrapper;

/**
 * A bootstrapper a launcher asks for: py-ipv8's {@code (bootstrapper class, kwargs)} pair.
 *
 * @param bootstrapperClass the bootstrapper class
 * @param init its keyword arguments; read-only, may hold null values
 */
public record BootstrapperDefinition(
    Class<? extends Bootstrapper> bootstrapperClass, Map<String, Object> init) {

  public BootstrapperDefinition {
    Objects.requireNonNull(bootstrapperClass, "bootstrapperClass");
    init = Immutable.map(Objects.requireNonNull(init, "init"));
  }

  /**
   * Builds the bootstrapper, as py-ipv8's {@code bootstrapper_class(**kwargs)}: with a public
   * constructor {@code (Map<String, Object> init)}, or, when {@code init} is empty, a public
   * no-argument constructor. The engine may build its own bootstrappers differently (see {@link
   * LaunchTarget#createBootstrapper}).
   *
   * @throws IllegalArgumentException naming the class and the constructors it needs when there is
   *     no suitable constructor
   * @throws RuntimeException whatever the constructor throws
   */
  public Bootstrapper create() {
    Constructor<?> withInit = null;
    Constructor<?> plain = null;
    for (Constructor<?> c : bootstrapperClass.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 1 && p[0] == Map.class) {
        withInit = c;
      } else if (p.length == 0) {
        plain = c;
      }
    }
    if (withInit != null) {
      return StrategyDefinition.Reflection.construct(bootstrapperClass, withInit, init);
    }
    if (plain != null && init.isEmpty()) {
      return StrategyDefinition.Reflection.construct(bootstrapperClass, plain);
    }
    throw new IllegalArgumentException(
        "cannot build bootstrapper "
            + bootstrapperClass.getName()
            + (init.isEmpty() ? "" : " with arguments " + init.keySet())
            + ": give it a public constructor (Map<String, Object> init)"
            + (init.isEmpty() ? " or ()" : ""));
  }
}
