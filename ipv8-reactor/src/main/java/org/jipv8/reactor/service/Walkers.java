package org.jipv8.reactor.service;

import java.time.Duration;
import org.jipv8.reactor.community.NetworkOverlay;
import org.jipv8.reactor.discovery.EdgeWalk;
import org.jipv8.reactor.discovery.RandomWalk;

/**
 * The built-in discovery strategies as {@link Walker}s, with py-ipv8's default arguments, for
 * overlays registered in code with {@link OverlayDefinition#walker}.
 */
public final class Walkers {
  private Walkers() {}

  /**
   * py-ipv8's {@code RandomWalk} (3 s timeout, window 5, reset chance 50/256), stepping while the
   * overlay has fewer than {@code targetPeers} peers ({@code -1}: always).
   */
  public static Walker<NetworkOverlay> randomWalk(int targetPeers) {
    return Walker.of(RandomWalk::new, targetPeers);
  }

  /** {@link #randomWalk(int)} with another walk timeout (py-ipv8's {@code timeout}). */
  public static Walker<NetworkOverlay> randomWalk(int targetPeers, Duration timeout) {
    return Walker.of(
        o ->
            new RandomWalk(
                o,
                timeout,
                RandomWalk.DEFAULT_WINDOW_SIZE,
                RandomWalk.DEFAULT_RESET_CHANCE,
                RandomWalk.DEFAULT_TARGET_INTERVAL),
        targetPeers);
  }

  /** py-ipv8's {@code EdgeWalk} with its defaults (edge length 4, neighbourhood 6, 3 s timeout). */
  public static Walker<NetworkOverlay> edgeWalk(int targetPeers) {
    return Walker.of(EdgeWalk::new, targetPeers);
  }
}
