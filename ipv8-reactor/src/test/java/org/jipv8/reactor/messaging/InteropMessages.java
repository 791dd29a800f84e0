package org.jipv8.reactor.messaging;

import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** The interop community's messages (shared/interop/README.md), as test records. */
final class InteropMessages {
  private InteropMessages() {}

  @Message(id = 1)
  record Signed(@Format("varlenH") String text, @Format("Q") long counter) {}

  @Message(id = 2, signed = false)
  record Unsigned(@Format("varlenH") String text, @Format("Q") long counter) {}

  @Message(id = 2, signed = false, globalTime = false)
  record Bare(@Format("varlenH") String text, @Format("Q") long counter) {}
}
