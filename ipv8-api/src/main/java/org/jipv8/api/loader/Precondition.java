package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * A condition for launching at all (py-ipv8's {@code @precondition}, whose string expression
 * becomes Java code): {@code @Precondition(TunnelsEnabled.class)}, where {@code TunnelsEnabled}
 * implements {@code Predicate<Session>} and has a public no-argument constructor; or, for the
 * common case of a session flag, {@code @Precondition(sessionAttribute = "tunnels_enabled")}, which
 * holds when the attribute is truthy (see {@link Session#isTruthy(String)}).
 *
 * <p>Exactly one of the two must be given. Repeatable: all must hold, and they are evaluated in
 * declaration order, stopping at the first that fails. A launcher whose condition fails is dropped
 * from the load, and launchers waiting for it stop waiting.
 *
 * <p>A condition class is instantiated once per launcher class, when the first launcher of that
 * class is constructed, and then shared; it should keep no state of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Precondition.Container.class)
public @interface Precondition {

  /** The condition class; the default means "not given". */
  Class<? extends Predicate<Session>> value() default None.class;

  /** A session attribute that must be truthy; "" means "not given". */
  String sessionAttribute() default "";

  /** The "not given" marker for {@link #value()}; never instantiated. */
  final class None implements Predicate<Session> {
    private None() {}

    @Override
    public boolean test(Session session) {
      return true;
    }
  }

  /** Holds repeated {@code @Precondition} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    Precondition[] value();
  }
}
