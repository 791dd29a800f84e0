package org.jipv8.examples.interop;

import java.util.Optional;

/** The interop echo rule: answer {@code text} with {@code "echo:" + text} and counter + 1. */
public final class EchoRule {
  /** Texts that are themselves echoes start with this and are never answered. */
  public static final String PREFIX = "echo:";

  private EchoRule() {}

  /** The reply to a signed message, or empty when it is an echo already. */
  public static Optional<InteropCommunity.SignedText> reply(String text, long counter) {
    if (text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(new InteropCommunity.SignedText(PREFIX + text, counter + 1));
  }
}
