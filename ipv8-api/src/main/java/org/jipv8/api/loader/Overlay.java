package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The overlay class a launcher creates (py-ipv8's {@code @overlay}): {@code @Overlay(MyCommunity
 * .class)}, or by name, {@code @Overlay(className = "com.example.MyCommunity")}.
 *
 * <p>The name form is resolved lazily, on each {@link CommunityLauncher#getOverlayClass()} call,
 * with the launcher's class loader, so a launcher can be registered for a community that is not on
 * the class path yet and fail only when launched (py-ipv8's lazy import). Exactly one of {@code
 * value} and {@code className} must be given. Not repeatable; on a class hierarchy the annotation
 * nearest to the concrete launcher wins. py-ipv8's third form, a function returning the class,
 * corresponds to overriding {@code getOverlayClass()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Overlay {

  /** The overlay class; the default ({@code Overlay} itself) means "not given". */
  Class<? extends org.jipv8.api.community.Overlay> value() default
      org.jipv8.api.community.Overlay.class;

  /** The fully qualified name of the overlay class; "" means "not given". */
  String className() default "";
}
