package org.jipv8.api.loader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the launched overlay in the session under an attribute name, after {@link
 * CommunityLauncher#finalize} (py-ipv8's {@code @set_in_session}):
 * {@code @SetInSession("my_community")}. Repeatable; applied in declaration order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SetInSession.Container.class)
public @interface SetInSession {

  /** The session attribute name. */
  String value();

  /** Holds repeated {@code @SetInSession} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Container {
    /** The repeated annotations, in declaration order. */
    SetInSession[] value();
  }
}
