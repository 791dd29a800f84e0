package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Function;

/**
 * One keyword argument for the overlay, computed at launch from the session (py-ipv8's {@code
 * @kwargs}, whose string expressions become Java code). Three forms:
 *
 * <ul>
 *   <li>{@code @Kwargs(key = "max_peers", value = "50")}: a constant literal, read as {@link
 *       Kwarg#value()} is;
 *   <li>{@code @Kwargs(key = "working_directory", sessionAttribute = "state_dir")}: the session
 *       attribute's value (null when absent);
 *   <li>{@code @Kwargs(key = "settings", function = MakeSettings.class)}: the result of a {@code
 *       Function<Session, ?>} with a public no-argument constructor.
 * </ul>
 *
 * <p>Repeatable: evaluated in declaration order on every {@link CommunityLauncher#getKwargs} call;
 * a later key overwrites an earlier one. A function class is instantiated once per launcher
 * class and then shared.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Kwargs.Container.class)
public @interface Kwargs {

  /** The argument name. */
  String key();

  /** A constant literal value; used when neither of the other forms is given. */
  String value() default "";

  /** The session attribute to read; "" means "not given". */
  String sessionAttribute() default "";

  /** The function computing the value; the default means "not given". */
  Class<? extends Function<Session, ?>> function() default None.class;

  /** The "not given" marker for {@link #function()}; never instantiated. */
  final class None implements Function<Session, Object> {
    private None() {}

    @Override
    public Object apply(Session session) {
      return null;
    }
  }

  /** Holds repeated {@code @Kwargs} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    Kwargs[] value();
  }
}
