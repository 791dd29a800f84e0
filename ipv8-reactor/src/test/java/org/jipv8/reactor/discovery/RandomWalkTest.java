package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RandomWalk per runtime.md 2.1, on a fake overlay with a controlled clock and random source. */
class RandomWalkTest {
  private FakeOverlay overlay;
  private Peer introducer;
  private final List<Address> introduced = new ArrayList<>();

  @BeforeEach
  void setUp() {
    overlay = new FakeOverlay(7);
    introducer = overlay.addPeer(1, "10.0.0.1", 1);
    for (int i = 0; i < 6; i++) {
      Address a = Address.ipv4("10.0.1." + i, 2);
      introduced.add(a);
      overlay.network.discoverAddress(introducer, a, FakeOverlay.ID, false);
    }
  }

  private RandomWalk walk(Duration timeout, int window, int resetChance, Duration target) {
    return new RandomWalk(overlay, timeout, window, resetChance, target);
  }

  @Test
  void withResetChanceZeroItAlwaysWalksWhenItCan() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 0, 0, Duration.ZERO);
    for (int i = 0; i < 6; i++) {
      walk.takeStep();
    }

    assertEquals(6, overlay.walks.size());
    assertTrue(introduced.containsAll(overlay.walks));
    assertEquals(6, walk.outstandingWalks().size());
    assertEquals(List.of(), overlay.introductionRequests);
  }

  @Test
  void outstandingAddressesAreNotWalkedAgain() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 0, 0, Duration.ZERO);
    for (int i = 0; i < 7; i++) {
      walk.takeStep();
    }

    assertEquals(6, overlay.walks.size());
    assertEquals(6, overlay.walks.stream().distinct().count());
    // Nothing left to walk to: the seventh step asks for an introduction instead.
    assertEquals(Arrays.asList((Peer) null), overlay.introductionRequests);
  }

  @Test
  void theWindowCapsOutstandingWalks() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 2, 0, Duration.ZERO);
    for (int i = 0; i < 4; i++) {
      walk.takeStep();
    }

    assertEquals(2, overlay.walks.size());
    assertEquals(List.of(), overlay.introductionRequests);

    overlay.advance(3001);
    walk.takeStep();
    assertEquals(3, overlay.walks.size());
  }

  @Test
  void aDrawBelowTheResetChanceAsksForAnIntroductionInstead() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 5, 50, Duration.ZERO);
    int[] draws = {49, 50, 0};
    int[] next = {0};
    overlay.scriptRandom(bound -> bound == 256 ? draws[next[0]++] : 0);

    walk.takeStep();
    assertEquals(List.of(), overlay.walks);
    assertEquals(1, overlay.introductionRequests.size());
    assertNull(overlay.introductionRequests.get(0));

    walk.takeStep();
    assertEquals(List.of(introduced.get(0)), overlay.walks);
  }

  @Test
  void theDrawIsAnIntegerFromZeroTo255() {
    List<Integer> bounds = new ArrayList<>();
    overlay.scriptRandom(
        bound -> {
          bounds.add(bound);
          return bound - 1;
        });

    walk(Duration.ofSeconds(3), 5, 255, Duration.ZERO).takeStep();

    assertEquals(256, bounds.get(0));
    // 255 >= 255: the highest draw still walks.
    assertEquals(1, overlay.walks.size());
  }

  @Test
  void withTheDefaultResetChanceAbout206In256StepsWalk() {
    overlay.scriptRandom(new Random(3)::nextInt);
    RandomWalk walk = new RandomWalk(overlay, Duration.ofSeconds(3), 0, 50, Duration.ZERO);
    int walks = 0;
    for (int i = 0; i < 2560; i++) {
      int before = overlay.walks.size();
      overlay.advance(10_000);
      walk.takeStep();
      walks += overlay.walks.size() - before;
      // Keep addresses walkable: walked addresses time out unverified and are dropped.
      for (Address a : introduced) {
        overlay.network.discoverAddress(introducer, a, FakeOverlay.ID, false);
      }
    }
    assertEquals(2060, walks, 60);
  }

  @Test
  void withoutWalkableAddressesItAsksForAnIntroductionWithoutDrawing() {
    FakeOverlay empty = new FakeOverlay(1);
    empty.scriptRandom(
        bound -> {
          throw new AssertionError("no draw expected");
        });

    new RandomWalk(empty).takeStep();

    assertEquals(1, empty.introductionRequests.size());
  }

  @Test
  void anUnansweredWalkIsDroppedFromTheNetworkOnlyAfterItsTimeout() {
    RandomWalk walk = walk(Duration.ZERO, 5, 0, Duration.ZERO);
    walk.takeStep();
    Address target = overlay.walks.get(0);

    walk.takeStep();
    assertTrue(overlay.getWalkableAddresses().contains(target), "not yet past the timeout");

    overlay.advance(1);
    walk.takeStep();
    assertFalse(overlay.getWalkableAddresses().contains(target));
    assertFalse(walk.outstandingWalks().containsKey(target));
  }

  @Test
  void theTimeoutComparisonIsStrict() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 1, 0, Duration.ZERO);
    walk.takeStep();
    Address target = overlay.walks.get(0);

    overlay.advance(3000);
    walk.takeStep();
    assertTrue(walk.outstandingWalks().containsKey(target));
    assertEquals(1, overlay.walks.size(), "the window of 1 is still full");

    overlay.advance(1);
    walk.takeStep();
    assertFalse(overlay.getWalkableAddresses().contains(target));
    assertEquals(2, overlay.walks.size());
  }

  @Test
  void withAHugeTimeoutAnUnansweredAddressIsKept() {
    RandomWalk walk = walk(Duration.ofSeconds(1_000_000_000L), 5, 0, Duration.ZERO);
    walk.takeStep();
    Address target = overlay.walks.get(0);

    overlay.advance(3_600_000);
    walk.takeStep();

    assertTrue(overlay.getWalkableAddresses().contains(target));
    assertTrue(walk.outstandingWalks().containsKey(target));
  }

  @Test
  void aWalkThatVerifiedItsTargetDoesNotRemoveThePeer() {
    overlay.onWalkTo = a -> overlay.addPeer(a.hashCode(), a.host(), a.port());
    RandomWalk walk = walk(Duration.ofSeconds(3), 5, 0, Duration.ZERO);
    walk.takeStep();
    Address target = overlay.walks.get(0);

    overlay.advance(3001);
    walk.takeStep();

    assertFalse(walk.outstandingWalks().containsKey(target));
    assertEquals(target, overlay.network.getVerifiedByAddress(target).address());
  }

  @Test
  void theTargetIntervalThrottlesStepsButNotTheFirst() {
    RandomWalk walk = walk(Duration.ofSeconds(3), 0, 0, Duration.ofSeconds(1));
    walk.takeStep();
    assertEquals(1, overlay.walks.size());

    overlay.advance(1000);
    walk.takeStep();
    assertEquals(1, overlay.walks.size());

    overlay.advance(1);
    walk.takeStep();
    assertEquals(2, overlay.walks.size());
  }

  @Test
  void theDefaultsAreThoseOfPyIpv8() {
    RandomWalk walk = new RandomWalk(overlay);
    assertEquals(3000, walk.timeoutMillis());
    assertEquals(5, walk.windowSize());
    assertEquals(50, walk.resetChance());
    assertEquals(0, walk.targetIntervalMillis());
  }
}
