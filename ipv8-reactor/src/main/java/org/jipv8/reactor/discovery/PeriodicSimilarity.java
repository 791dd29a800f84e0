package org.jipv8.reactor.discovery;

import java.util.List;
import java.util.Objects;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.SimilarityOverlay;

/**
 * py-ipv8's {@code PeriodicSimilarity} (runtime.md section 2.4): at most once per second, sends a
 * similarity request to one uniformly random verified peer of the whole network.
 *
 * <p>The first step is never throttled (py compares an epoch clock against a last step of 0).
 *
 * <p>Threading: {@code takeStep} runs on the protocol thread, wholly under the walk lock (py only
 * locks around the send; the difference is invisible).
 */
public final class PeriodicSimilarity extends AbstractDiscoveryStrategy<SimilarityOverlay> {
  /** The minimum time between two similarity rounds, in milliseconds. */
  public static final long MIN_SPACING_MILLIS = 1000;

  private long lastStep;
  private boolean stepped;

  /** A periodic similarity strategy for the overlay. */
  public PeriodicSimilarity(SimilarityOverlay overlay) {
    super(Objects.requireNonNull(overlay, "overlay"));
  }

  /** Builds the strategy; it takes no {@code init} arguments and needs a SimilarityOverlay. */
  public static StrategyFactory factory() {
    return (overlay, init) -> {
      StrategyArgs.of(BuiltinStrategies.PERIODIC_SIMILARITY, init);
      return new PeriodicSimilarity(
          StrategyArgs.overlay(
              BuiltinStrategies.PERIODIC_SIMILARITY, overlay, SimilarityOverlay.class));
    };
  }

  @Override
  public void takeStep() {
    // The strategy scheduler calls this on the protocol thread, where the overlay state lives:
    // no walk lock is needed (it stays in the API for strategies written the py-ipv8 way).
    step();
  }

  private void step() {
    long now = overlay.now();
    if (stepped && now - lastStep < MIN_SPACING_MILLIS) {
      return;
    }
    List<Peer> peers = overlay.network().verifiedPeers();
    if (peers.isEmpty()) {
      return;
    }
    lastStep = now;
    stepped = true;
    overlay.sendSimilarityRequest(peers.get(overlay.random().nextInt(peers.size())).address());
  }
}
