package org.jipv8.api.discovery;

import java.util.concurrent.locks.Lock;
import org.jipv8.api.community.Overlay;

/**
 * A discovery strategy: one {@link #takeStep()} per scheduler round, while the overlay has fewer
 * peers than the target the strategy was registered with ({@code -1}: always).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@code takeStep()} runs on the overlay's protocol thread, at most once per round, in
 *       registration order with the other strategies, never concurrently with another step. It must
 *       not block: it sends (which only queues) and returns.
 *   <li>The scheduler waits for the datagrams queued during a step to reach the socket before the
 *       next step starts.
 *   <li>An exception thrown by a step is logged and counted; the strategy stays registered.
 *   <li>State a step shares with other threads is guarded by {@link #walkLock()}.
 * </ul>
 */
public interface DiscoveryStrategy {

  /** Does one step of discovery (usually: send an introduction-request somewhere). */
  void takeStep();

  /** The overlay this strategy walks, or null for overlay-less strategies. */
  Overlay overlay();

  /** The lock that guards this strategy's state against other threads. */
  Lock walkLock();

  /** The number of peers compared with the target; 0 without an overlay. */
  default int getPeerCount() {
    Overlay o = overlay();
    return o == null ? 0 : o.getPeers().size();
  }
}
