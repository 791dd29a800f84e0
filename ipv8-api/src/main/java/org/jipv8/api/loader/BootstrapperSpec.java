package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jipv8.api.bootstrap.Bootstrapper;

/**
 * A bootstrapper the launched overlay uses (py-ipv8's {@code @bootstrapper}):
 * {@code @BootstrapperSpec(value = MyBootstrapper.class, init = @Kwarg(key = "bootstrap_timeout",
 * value = "30.0"))}.
 *
 * <p>Exactly one of {@code value} and {@code className} must be given; the name form is resolved
 * when the launcher is constructed. Arguments come from {@code init} and then from {@code
 * initMethod}. Repeatable; accumulates in declaration order. How the bootstrapper is built from the
 * class is described in {@link BootstrapperDefinition#create()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(BootstrapperSpec.Container.class)
public @interface BootstrapperSpec {

  /** The bootstrapper class; the default ({@code Bootstrapper} itself) means "not given". */
  Class<? extends Bootstrapper> value() default Bootstrapper.class;

  /** The fully qualified name of the bootstrapper class; "" means "not given". */
  String className() default "";

  /** Constant keyword arguments. */
  Kwarg[] init() default {};

  /**
   * The name of a static method without parameters, declared on the annotated launcher class, that
   * returns a {@code Map<String, ?>} of further keyword arguments; "" for none.
   */
  String initMethod() default "";

  /** Holds repeated {@code @BootstrapperSpec} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    BootstrapperSpec[] value();
  }
}
