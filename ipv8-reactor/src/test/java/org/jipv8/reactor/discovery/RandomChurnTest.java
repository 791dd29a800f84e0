package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RandomChurn per runtime.md 2.3. */
class RandomChurnTest {
  private FakeOverlay overlay;

  @BeforeEach
  void setUp() {
    overlay = new FakeOverlay(5);
  }

  private RandomChurn churn(int sampleSize, Duration pingInterval) {
    return new RandomChurn(
        overlay,
        sampleSize,
        pingInterval,
        RandomChurn.DEFAULT_INACTIVE_TIME,
        RandomChurn.DEFAULT_DROP_TIME);
  }

  private static void fillPings(Peer p) {
    for (int i = 0; i < 5; i++) {
      p.addPing(0.01);
    }
  }

  @Test
  void aMeasuredRecentPeerIsLeftAlone() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    fillPings(p);

    churn(8, Duration.ofSeconds(10)).takeStep();

    assertEquals(List.of(), overlay.pings);
  }

  @Test
  void anInactivePeerIsPingedAndKeptWhenItAnswers() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    fillPings(p);
    overlay.onPing = Peer::touch;
    RandomChurn churn = churn(8, Duration.ZERO);

    overlay.advance(27_501);
    churn.takeStep();
    assertEquals(List.of(p), overlay.pings);
    assertEquals(overlay.now(), p.lastResponse());

    overlay.advance(40_000);
    churn.takeStep();
    assertEquals(List.of(p), overlay.network.verifiedPeers());
  }

  @Test
  void aPeerJustPastTheInactiveTimeIsNotYetPinged() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    fillPings(p);

    overlay.advance(27_500);
    churn(8, Duration.ofSeconds(10)).takeStep();

    assertEquals(List.of(), overlay.pings);
  }

  @Test
  void anUnreachablePeerIsPingedThenRemovedAfterTheDropTime() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    fillPings(p);
    RandomChurn churn = churn(8, Duration.ofSeconds(10));

    overlay.advance(30_000);
    churn.takeStep();
    assertEquals(1, overlay.pings.size());

    overlay.advance(27_500);
    churn.takeStep(); // 57.5 s of silence: not yet past the drop time
    assertEquals(List.of(p), overlay.network.verifiedPeers());
    assertEquals(2, overlay.pings.size());

    overlay.advance(1);
    churn.takeStep();
    assertEquals(List.of(), overlay.network.verifiedPeers());
    assertTrue(churn.pinged().isEmpty());
  }

  @Test
  void aSilentPeerThatWasNeverPingedIsPingedBeforeItIsDropped() {
    Peer p = overlay.addPeer(1, "10.0.0.1", 1);
    fillPings(p);
    RandomChurn churn = churn(8, Duration.ofSeconds(10));

    overlay.advance(100_000);
    churn.takeStep();
    assertEquals(List.of(p), overlay.network.verifiedPeers());
    assertEquals(List.of(p), overlay.pings);

    churn.takeStep();
    assertEquals(List.of(), overlay.network.verifiedPeers());
  }

  @Test
  void aPeerWithLastResponseZeroIsNeverDropped() {
    Peer intro = new Peer(FakeKeys.key(9), Address.ipv4("10.0.0.9", 9), true, overlay.clock::get);
    overlay.network.addVerifiedPeer(intro);
    RandomChurn churn = churn(8, Duration.ofSeconds(10));

    for (int i = 0; i < 10; i++) {
      overlay.advance(100_000);
      churn.takeStep();
    }

    assertEquals(List.of(intro), overlay.network.verifiedPeers());
    // It is pinged for lack of RTT samples, once per ping interval.
    assertEquals(10, overlay.pings.size());
  }

  @Test
  void aMeasuredPeerWithLastResponseZeroIsNotPinged() {
    Peer intro = new Peer(FakeKeys.key(9), Address.ipv4("10.0.0.9", 9), true, overlay.clock::get);
    fillPings(intro);
    overlay.network.addVerifiedPeer(intro);

    overlay.advance(100_000);
    churn(8, Duration.ofSeconds(10)).takeStep();

    assertEquals(List.of(), overlay.pings);
  }

  @Test
  void aSampleSizeOfZeroDoesNothing() {
    overlay.addPeer(1, "10.0.0.1", 1);
    overlay.advance(100_000);

    churn(0, Duration.ofSeconds(10)).takeStep();

    assertEquals(List.of(), overlay.pings);
  }

  @Test
  void withAHugePingIntervalOnlyOnePingIsSentOverTwoSteps() {
    overlay.addPeer(1, "10.0.0.1", 1);
    RandomChurn churn = churn(8, Duration.ofSeconds(1_000_000));

    churn.takeStep();
    overlay.advance(5_000);
    churn.takeStep();

    assertEquals(1, overlay.pings.size());
  }

  @Test
  void withANegativePingIntervalEveryStepPings() {
    overlay.addPeer(1, "10.0.0.1", 1);
    RandomChurn churn = churn(8, Duration.ofSeconds(-1));

    churn.takeStep();
    churn.takeStep();

    assertEquals(2, overlay.pings.size());
  }

  @Test
  void anUnmeasuredPeerIsPingedOncePerPingInterval() {
    overlay.addPeer(1, "10.0.0.1", 1);
    RandomChurn churn = churn(8, Duration.ofSeconds(10));

    churn.takeStep();
    overlay.advance(10_000);
    churn.takeStep();
    assertEquals(1, overlay.pings.size());

    overlay.advance(1);
    churn.takeStep();
    assertEquals(2, overlay.pings.size());
  }

  @Test
  void itSamplesTheWholeNetworkUpToTheSampleSize() {
    for (int i = 0; i < 5; i++) {
      // Verified, but not peers of this overlay's service.
      overlay.network.addVerifiedPeer(FakeKeys.peer(i, "10.0.2." + i, 1, overlay.clock::get));
    }

    churn(3, Duration.ofSeconds(10)).takeStep();

    assertEquals(3, overlay.pings.size());
    assertEquals(3, overlay.pings.stream().distinct().count());
  }
}
