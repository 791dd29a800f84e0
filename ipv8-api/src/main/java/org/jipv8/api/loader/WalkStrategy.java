package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jipv8.api.discovery.DiscoveryStrategy;

/**
 * A discovery strategy the launched overlay runs (py-ipv8's {@code @walk_strategy}):
 * {@code @WalkStrategy(value = RandomWalk.class, targetPeers = 20, init = @Kwarg(key = "timeout",
 * value = "3.0"))}.
 *
 * <p>Exactly one of {@code value} and {@code className} must be given; the name form is resolved
 * when the launcher is constructed (eagerly, as in py-ipv8). Arguments come from {@code init} and
 * then from {@code initMethod}, whose entries overwrite those of {@code init}. Repeatable;
 * accumulates in declaration order (see the package description). How the strategy is built from
 * the class is described in {@link StrategyDefinition#create}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(WalkStrategy.Container.class)
public @interface WalkStrategy {

  /** The strategy class; the default ({@code DiscoveryStrategy} itself) means "not given". */
  Class<? extends DiscoveryStrategy> value() default DiscoveryStrategy.class;

  /** The fully qualified name of the strategy class; "" means "not given". */
  String className() default "";

  /** The strategy runs while the overlay has fewer peers than this; -1 means always. */
  int targetPeers() default 20;

  /** Constant keyword arguments. */
  Kwarg[] init() default {};

  /**
   * The name of a static method without parameters, declared on the annotated launcher class, that
   * returns a {@code Map<String, ?>} of further keyword arguments; "" for none. Called once, when
   * the launcher is constructed.
   */
  String initMethod() default "";

  /** Holds repeated {@code @WalkStrategy} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    WalkStrategy[] value();
  }
}
