package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Launch only after the named launchers (py-ipv8's {@code @after}): {@code @After({"A", "B"})}.
 * Names of launchers that are not registered, or that will not launch, are ignored. Repeatable; the
 * names accumulate in declaration order, so {@code @After("A") @After("B")} equals
 * {@code @After({"A", "B"})}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(After.Container.class)
public @interface After {

  /** Launcher names, as returned by their {@link CommunityLauncher#getName()}. */
  String[] value();

  /** Holds repeated {@code @After} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    After[] value();
  }
}
