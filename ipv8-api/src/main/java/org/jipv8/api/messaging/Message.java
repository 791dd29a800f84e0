package org.jipv8.api.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java {@code record} as an IPv8 message: its components, in declaration order, are the
 * payload fields on the wire. Component types map to wire formats by default (see {@link Format});
 * annotate a component with {@link Format} to choose another format.
 *
 * <pre>{@code
 * @Message(id = 1, globalTime = true)
 * record Chat(String text, @Format("Q") long counter) {}
 * }</pre>
 *
 * <p>Application ids are 0..230; 231..255 belong to the base protocol.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Message {

  /** The message id byte (offset 22 of the packet). */
  int id();

  /** Whether the message is signed (public key after the id, signature at the end). */
  boolean signed() default true;

  /**
   * Whether an 8-byte global time (py-ipv8's {@code GlobalTimeDistributionPayload}) precedes the
   * payload fields. py-ipv8's core and discovery messages, and the interop community, carry it; a
   * bare {@code ez_send(peer, payload)} does not.
   */
  boolean globalTime() default true;
}
