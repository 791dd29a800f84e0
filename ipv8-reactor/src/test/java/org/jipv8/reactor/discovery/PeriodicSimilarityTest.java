package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.Test;

/** PeriodicSimilarity per runtime.md 2.4. */
class PeriodicSimilarityTest {
  private final FakeOverlay overlay = new FakeOverlay(11);
  private final PeriodicSimilarity strategy = new PeriodicSimilarity(overlay);

  @Test
  void withoutVerifiedPeersNothingIsSent() {
    strategy.takeStep();
    assertEquals(List.of(), overlay.similarityRequests);
  }

  @Test
  void atMostOneRequestIsSentPerSecond() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);

    strategy.takeStep();
    overlay.advance(500);
    strategy.takeStep();
    overlay.advance(499);
    strategy.takeStep();
    assertEquals(List.of(p.address()), overlay.similarityRequests);

    overlay.advance(1);
    strategy.takeStep();
    assertEquals(List.of(p.address(), p.address()), overlay.similarityRequests);
  }

  @Test
  void aStepWithoutPeersDoesNotStartTheOneSecondWait() {
    strategy.takeStep();
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    strategy.takeStep();

    assertEquals(List.of(p.address()), overlay.similarityRequests);
  }

  @Test
  void theTargetIsARandomVerifiedPeerOfTheWholeNetwork() {
    Peer outsider = FakeKeys.peer(2, "10.0.0.2", 2, overlay.clock::get);
    overlay.network.addVerifiedPeer(outsider);
    overlay.addPeer(1, "10.0.0.1", 1);
    overlay.scriptRandom(bound -> 0);

    strategy.takeStep();

    assertEquals(List.of(outsider.address()), overlay.similarityRequests);
  }
}
