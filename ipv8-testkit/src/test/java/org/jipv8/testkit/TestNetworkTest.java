package org.jipv8.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.service.Walkers;
import org.jipv8.reactor.sim.LinkConditions;
import org.jipv8.reactor.sim.NatType;
import org.junit.jupiter.api.Test;

/** The kit on its own: nodes, introductions, delivery, knobs and capture, all on virtual time. */
class TestNetworkTest {
  private static final int INTRODUCTION_REQUEST = 246;

  private static TestNetworkBuilder<PlainCommunity> plain() {
    return TestNetwork.of(PlainCommunity.class, PlainCommunity::new);
  }

  @Test
  void introduceAllMakesEveryNodeAPeerOfEveryOther() {
    try (TestNetwork<PlainCommunity> net = plain().nodes(4).start()) {
      net.introduceAll();
      for (PlainCommunity c : net.communities()) {
        assertEquals(3, c.getPeers().size(), c + " knows the other three");
      }
      assertEquals(0, net.inFlight());
      assertEquals(4, net.size());
      assertEquals(net.community(2).myPeer(), net.peer(0, 2));
      assertEquals(net.address(2), net.peer(0, 2).address());
    }
  }

  @Test
  void aPeerNotYetKnownIsAnErrorSayingWhatToDo() {
    try (TestNetwork<PlainCommunity> net = plain().start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.peer(0, 1));
      assertTrue(e.getMessage().contains("introduceAll()"), e.getMessage());
    }
  }

  @Test
  void theCaptureHoldsEverySendAndDecodesTheCommunitysMessages() {
    try (TestNetwork<PlainCommunity> net = plain().nodes(3).start()) {
      net.introduceAll();
      List<CapturedDatagram> requests = net.capture().datagrams(INTRODUCTION_REQUEST);
      assertEquals(6, requests.size(), "each of 3 nodes walked to 2 others");
      List<CapturedMessage<IntroductionRequestPayload>> decoded =
          net.capture().messages(IntroductionRequestPayload.class);
      assertEquals(6, decoded.size());
      CapturedMessage<IntroductionRequestPayload> first = decoded.get(0);
      assertEquals(0, first.node());
      assertEquals(net.address(1), first.destination());
      assertEquals(net.address(1), first.payload().destinationAddress());
      assertEquals(6, net.capture().count(IntroductionRequestPayload.class));
      net.capture().clear();
      assertEquals(List.of(), net.capture().datagrams());
    }
  }

  @Test
  void theSameSeedGivesTheSameRunByteForByte() {
    List<byte[]> a = lossyRun(7);
    List<byte[]> b = lossyRun(7);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertTrue(Arrays.equals(a.get(i), b.get(i)), "datagram " + i + " is the same");
    }
  }

  private static List<byte[]> lossyRun(long seed) {
    try (TestNetwork<PlainCommunity> net =
        plain()
            .nodes(5)
            .seed(seed)
            .lossProbability(0.2)
            .latency(Duration.ofMillis(20), Duration.ofMillis(30))
            .overlay(d -> d.walker(Walkers.randomWalk(4)))
            .start()) {
      net.run(() -> net.communities().forEach(c -> c.walkTo(net.address(0))));
      net.advance(Duration.ofSeconds(20));
      return net.capture().datagrams().stream().map(CapturedDatagram::data).toList();
    }
  }

  @Test
  void totalLossLeavesEveryNodeAlone() {
    try (TestNetwork<PlainCommunity> net = plain().nodes(3).lossProbability(1.0).start()) {
      net.introduceAll();
      assertTrue(net.communities().stream().allMatch(c -> c.getPeers().isEmpty()));
      assertEquals(6, net.network().statistics().lost());
    }
  }

  @Test
  void latencyHoldsADatagramBackUntilItsTime() {
    try (TestNetwork<PlainCommunity> net =
        plain().latency(Duration.ofMillis(200), Duration.ZERO).start()) {
      net.run(() -> net.community(0).walkTo(net.address(1)));
      net.advance(Duration.ofMillis(150));
      assertEquals(0, net.network().statistics().delivered());
      net.advance(Duration.ofMillis(100));
      assertEquals(1, net.network().statistics().delivered(), "the request arrived at 200 ms");
      net.deliverAll();
      assertEquals(1, net.community(0).getPeers().size(), "the answer arrived 200 ms later");
    }
  }

  @Test
  void conditionsCanChangeDuringATest() {
    try (TestNetwork<PlainCommunity> net = plain().start()) {
      net.setConditions(LinkConditions.PERFECT.withLossProbability(1.0));
      net.introduceAll();
      assertEquals(0, net.community(0).getPeers().size());
      net.setConditions(LinkConditions.PERFECT);
      net.introduceAll();
      assertEquals(1, net.community(0).getPeers().size());
    }
  }

  @Test
  void aNodeBehindANatIsReachedOnlyAfterItWalkedOut() {
    try (TestNetwork<PlainCommunity> net =
        plain().behindNat(0, NatType.ADDRESS_RESTRICTED).start()) {
      Address lan = net.address(0);
      net.run(() -> net.community(1).walkTo(lan));
      net.deliverAll();
      assertEquals(0, net.community(1).getPeers().size(), "a LAN address is not routable");
      net.run(() -> net.community(0).walkTo(net.address(1)));
      net.deliverAll();
      assertEquals(1, net.community(0).getPeers().size());
      assertEquals(1, net.community(1).getPeers().size());
      assertTrue(
          !net.community(1).getPeers().get(0).address().equals(lan),
          "node 1 knows node 0 by its NAT's public address");
    }
  }

  @Test
  void walkersOfTheDefinitionFindPeersOnTheirOwn() {
    try (TestNetwork<PlainCommunity> net =
        plain().nodes(6).overlay(d -> d.walker(Walkers.randomWalk(5))).start()) {
      net.run(() -> net.communities().subList(1, 6).forEach(c -> c.walkTo(net.address(0))));
      net.advance(Duration.ofSeconds(60));
      for (PlainCommunity c : net.communities()) {
        assertEquals(5, c.getPeers().size(), c + " reached its target");
      }
      assertTrue(net.node(0).strategyScheduler().statistics().stepsTaken() > 0);
    }
  }

  @Test
  void badSettingsFailAtOnceNamingTheSetting() {
    IllegalArgumentException nodes =
        assertThrows(IllegalArgumentException.class, () -> plain().nodes(0));
    assertTrue(nodes.getMessage().contains("nodes"), nodes.getMessage());
    IllegalArgumentException nat =
        assertThrows(
            IllegalArgumentException.class,
            () -> plain().nodes(2).behindNat(2, NatType.SYMMETRIC).start());
    assertTrue(nat.getMessage().contains("behindNat(2"), nat.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plain().lossProbability(2));
  }

  @Test
  void aNodeWhoseStartFailsFailsTheNetworkWithTheCause() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                plain()
                    .overlay(
                        d ->
                            d.onStart(
                                c -> {
                                  throw new IllegalArgumentException("refused by the test");
                                }))
                    .start());
    assertTrue(e.getMessage().contains("refused by the test"), e.getMessage());
  }

  @Test
  void theClockStartsAtAFixedEpoch() {
    try (TestNetwork<PlainCommunity> net = plain().nodes(1).start()) {
      assertEquals(TestNetwork.EPOCH_MILLIS, net.now());
      assertTrue(net.node(0).isRunning());
    }
  }
}
