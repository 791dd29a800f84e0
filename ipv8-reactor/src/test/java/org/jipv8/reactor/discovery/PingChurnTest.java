package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.Test;

/** PingChurn, the plain-overlay version of py's DHT PingChurn (see its class documentation). */
class PingChurnTest {
  private final FakeOverlay overlay = new FakeOverlay(13);

  @Test
  void eachPeerIsPingedAtMostOncePerInterval() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    Peer b = overlay.addPeer(2, "10.0.0.2", 2);
    overlay.onPing = Peer::touch;
    PingChurn churn = new PingChurn(overlay, Duration.ofSeconds(25));

    churn.takeStep();
    overlay.advance(24_999);
    churn.takeStep();
    assertEquals(List.of(a, b), overlay.pings);

    overlay.advance(1);
    churn.takeStep();
    assertEquals(List.of(a, b, a, b), overlay.pings);
  }

  @Test
  void aPeerThatAnswersIsKept() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    overlay.onPing = Peer::touch;
    PingChurn churn = new PingChurn(overlay, Duration.ofSeconds(25));

    for (int i = 0; i < 10; i++) {
      churn.takeStep();
      overlay.advance(25_000);
    }

    assertEquals(List.of(a), overlay.network.verifiedPeers());
    assertEquals(Set.of(), churn.pendingPeers());
  }

  @Test
  void aPeerSilentForTwoIntervalsAfterAPingIsRemoved() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    Peer b = overlay.addPeer(2, "10.0.0.2", 2);
    overlay.onPing =
        p -> {
          if (p.equals(b)) {
            p.touch();
          }
        };
    PingChurn churn = new PingChurn(overlay, Duration.ofSeconds(25));
    // Both were heard from when added; a response in the millisecond of a ping counts as an answer.
    overlay.advance(1);

    churn.takeStep(); // first ping at t0
    overlay.advance(25_000);
    churn.takeStep(); // second ping
    overlay.advance(25_000);
    churn.takeStep(); // 50 s after the first ping: not yet more than twice the interval
    assertTrue(overlay.network.verifiedPeers().contains(a));
    assertEquals(Set.of(a), churn.pendingPeers());

    overlay.advance(1);
    churn.takeStep();
    assertEquals(List.of(b), overlay.network.verifiedPeers());
  }

  @Test
  void aLateAnswerCancelsTheRemoval() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    PingChurn churn = new PingChurn(overlay, Duration.ofSeconds(25));
    overlay.advance(1);

    churn.takeStep();
    overlay.advance(40_000);
    a.touch();
    overlay.advance(20_000);
    churn.takeStep();

    assertEquals(List.of(a), overlay.network.verifiedPeers());
  }

  @Test
  void blacklistedPeersAreNotPinged() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    overlay.network.addToBlacklist(a.address());

    new PingChurn(overlay).takeStep();

    assertEquals(List.of(), overlay.pings);
  }

  @Test
  void withAZeroIntervalEveryStepPings() {
    overlay.addPeer(1, "10.0.0.1", 1);
    overlay.onPing = Peer::touch;
    PingChurn churn = new PingChurn(overlay, Duration.ZERO);

    churn.takeStep();
    churn.takeStep();

    assertEquals(2, overlay.pings.size());
  }
}
