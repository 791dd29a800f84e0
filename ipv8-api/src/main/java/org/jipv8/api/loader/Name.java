package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The launcher's name (py-ipv8's {@code @name}), used by the loader as its key and by {@link
 * After}. Without it, the name is the launcher class's simple name. Not repeatable; on a class
 * hierarchy the annotation nearest to the concrete launcher wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Name {

  /** The name; not empty. */
  String value();
}
