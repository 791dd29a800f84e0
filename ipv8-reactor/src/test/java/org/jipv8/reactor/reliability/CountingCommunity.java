package org.jipv8.reactor.reliability;

import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.testing.InteropCommunity;

/**
 * The vectors' interop community (same id and messages as {@link InteropCommunity}) that only
 * counts what its handlers got, so that millions of accepted inputs keep memory flat.
 */
final class CountingCommunity extends Community {
  private final AtomicLong signed = new AtomicLong();
  private final AtomicLong unsigned = new AtomicLong();

  CountingCommunity(CommunitySettings settings) {
    super(InteropCommunity.ID, settings);
    addHandler(InteropCommunity.Signed.class, (peer, m) -> signed.incrementAndGet());
    addUnsignedHandler(InteropCommunity.Unsigned.class, (source, m) -> unsigned.incrementAndGet());
  }

  /** Signed messages handled. */
  long signedReceived() {
    return signed.get();
  }

  /** Unsigned messages handled. */
  long unsignedReceived() {
    return unsigned.get();
  }
}
