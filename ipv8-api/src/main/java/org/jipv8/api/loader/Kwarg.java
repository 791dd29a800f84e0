package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One constant keyword argument, used in {@link WalkStrategy#init()} and {@link
 * BootstrapperSpec#init()}: {@code @Kwarg(key = "timeout", value = "3.0")}.
 *
 * <p>The value text is read as a literal: {@code true} and {@code false} become booleans, {@code
 * null} becomes null, an integer becomes an {@link Integer} (or a {@link Long} when it does not
 * fit), any other JSON number becomes a {@link Double}, a double-quoted JSON string becomes that
 * string (so {@code "\"42\""} is the string 42), and any other text is taken as a string as is.
 * Lists, maps and other objects come from a static method instead; see {@link
 * WalkStrategy#initMethod()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Kwarg {

  /** The argument name. */
  String key();

  /** The value, as a literal (see the type description). */
  String value();
}
