package org.jipv8.reactor.community;

import org.jipv8.api.messaging.DropReason;

/**
 * What listens to a community's messages besides its handlers: the subscribers of {@code
 * messages(...)} and the pending {@code request(...)}s. The dispatch stage tells them of every
 * message after its handler ran without dropping it.
 *
 * <p>Threading: both methods run on the protocol thread.
 */
interface Taps {

  /** Nothing listens. */
  Taps NONE =
      new Taps() {
        @Override
        public boolean listens(int id) {
          return false;
        }

        @Override
        public DropReason deliver(int id, Received<?> received, boolean hasHandler) {
          return null;
        }
      };

  /** Whether anything listens to message id {@code id} (then a context is built for it). */
  boolean listens(int id);

  /**
   * Delivers {@code received}; {@code hasHandler}: a handler ran for it. Returns null when the
   * message counts as handled, or the reason it counts as dropped (a response nobody waits for).
   */
  DropReason deliver(int id, Received<?> received, boolean hasHandler);
}
