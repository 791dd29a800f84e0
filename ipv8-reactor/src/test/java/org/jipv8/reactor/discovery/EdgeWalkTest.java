package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EdgeWalk per runtime.md 2.2 (the py tests use a neighbourhood of 1). */
class EdgeWalkTest {
  private FakeOverlay overlay;

  @BeforeEach
  void setUp() {
    overlay = new FakeOverlay(3);
  }

  @Test
  void whileTheNeighbourhoodIsSmallItBootstrapsAndWalksToWalkableAddresses() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    for (int i = 0; i < 3; i++) {
      overlay.network.discoverAddress(a, Address.ipv4("10.0.1." + i, 1), FakeOverlay.ID, false);
    }
    EdgeWalk walk = new EdgeWalk(overlay, 4, 2, Duration.ofSeconds(3));

    walk.takeStep();
    walk.takeStep();

    assertEquals(2, overlay.bootstraps);
    assertEquals(
        List.of(
            Address.ipv4("10.0.1.0", 1),
            Address.ipv4("10.0.1.1", 1),
            Address.ipv4("10.0.1.0", 1),
            Address.ipv4("10.0.1.1", 1)),
        overlay.walks);
    assertEquals(List.of(a), walk.neighborhood());
    assertEquals(List.of(), overlay.introductionRequests);
  }

  @Test
  void aFullNeighbourhoodStartsAnEdgeAtARoot() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 4, 1, Duration.ofSeconds(3));

    walk.takeStep();
    walk.takeStep();

    assertEquals(1, overlay.bootstraps);
    assertEquals(List.of(a), overlay.introductionRequests);
    assertEquals(List.of(a), walk.edgesUnderConstruction().get(a));
  }

  @Test
  void theNeighbourhoodIsNeverRefreshedOnceFull() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 4, 1, Duration.ofSeconds(3));
    walk.takeStep();

    overlay.network.removePeer(a);
    overlay.addPeer(2, "10.0.0.2", 2);
    walk.takeStep();

    assertEquals(List.of(a), walk.neighborhood());
  }

  @Test
  void anEdgeGrowsThroughIntroducedPeersAndCompletesAtItsLength() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 2, 1, Duration.ofSeconds(3));
    walk.takeStep(); // neighbourhood
    walk.takeStep(); // edge [a], introduction asked from a

    Address bAddress = Address.ipv4("10.0.0.2", 2);
    overlay.network.discoverAddress(a, bAddress, FakeOverlay.ID, false);
    walk.takeStep(); // b is not verified yet: walk to it
    assertEquals(List.of(bAddress), overlay.walks);
    assertEquals(List.of(), walk.completeEdges());

    Peer b = overlay.addPeer(2, "10.0.0.2", 2);
    walk.takeStep();

    assertEquals(List.of(List.of(a, b)), walk.completeEdges());
    assertTrue(walk.edgesUnderConstruction().isEmpty());
  }

  @Test
  void anEdgeNotAtItsLengthWalksToTheNewLastPeer() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 4, 1, Duration.ofSeconds(3));
    walk.takeStep();
    walk.takeStep();
    Peer b = overlay.addPeer(2, "10.0.0.2", 2);
    overlay.network.discoverAddress(a, b.address(), FakeOverlay.ID, false);

    walk.takeStep();

    assertEquals(List.of(a, b), walk.edgesUnderConstruction().get(a));
    assertEquals(List.of(b.address()), overlay.walks);
  }

  @Test
  void aSilentEdgeOfOnePeerIsDroppedAfterTheTimeout() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 4, 1, Duration.ofSeconds(3));
    walk.takeStep();
    walk.takeStep();

    overlay.advance(3000);
    walk.takeStep();
    assertEquals(List.of(a), List.copyOf(walk.edgesUnderConstruction().keySet()));

    overlay.advance(1);
    walk.takeStep();
    assertTrue(walk.edgesUnderConstruction().isEmpty());
    assertEquals(List.of(), walk.completeEdges());
  }

  @Test
  void aSilentEdgeOfSeveralPeersIsKeptAfterTheTimeout() {
    Peer a = overlay.addPeer(1, "10.0.0.1", 1);
    EdgeWalk walk = new EdgeWalk(overlay, 4, 1, Duration.ZERO);
    walk.takeStep();
    walk.takeStep();
    Peer b = overlay.addPeer(2, "10.0.0.2", 2);
    overlay.network.discoverAddress(a, b.address(), FakeOverlay.ID, false);
    walk.takeStep(); // edge [a, b]

    overlay.advance(1);
    walk.takeStep(); // b introduced nobody: timed out, kept

    assertEquals(List.of(List.of(a, b)), walk.completeEdges());
  }

  @Test
  void theDefaultsAreThoseOfPyIpv8() {
    EdgeWalk walk = new EdgeWalk(overlay);
    for (int i = 0; i < 6; i++) {
      overlay.addPeer(i, "10.0.0." + (i + 1), 1);
    }
    walk.takeStep();
    assertEquals(6, walk.neighborhood().size());
  }
}
