package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PuncturePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/** The introduction protocol between Java nodes (runtime.md section 4.5, wire-protocol.md 6). */
class IntroductionProtocolTest {

  private static List<Integer> ids(TestNetwork net) {
    return net.internet().sent().stream().map(s -> s.data()[22] & 0xff).toList();
  }

  private static Sent last(TestNetwork net, int messageId) {
    List<Sent> all =
        net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == messageId).toList();
    assertFalse(all.isEmpty(), "no message " + messageId + " was sent");
    return all.get(all.size() - 1);
  }

  /**
   * These tests inject responses nobody asked for to check how a response is processed (as in
   * py-ipv8); the introduction hardening, on by default, would drop them as unsolicited.
   */
  private static final java.util.Map<String, Object> PY_IPV8_RESPONSES =
      java.util.Map.of("introduction_hardening", false);

  /** Makes {@code peer} a verified peer of {@code node}'s interop community. */
  private static void befriend(TestNode node, TestNode peer) {
    Peer p = new Peer(peer.myPeer().publicKey(), peer.wan(), true, () -> 0L);
    node.network().addVerifiedPeer(p);
    node.network().discoverServices(p, List.of(InteropCommunity.ID));
  }

  @Test
  void afterAnOldStyleExchangeTheRequesterTalksNewStyleToTheResponder() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      nb.add(InteropCommunity::new);

      a.walkTo(nb.wan());
      net.advance();
      assertEquals(List.of(246, 245), ids(net));
      Peer b = a.getPeers().get(0);
      assertTrue(b.newStyleIntro(), "a 245 always advertises new-style support");

      a.getNewIntroduction(b);
      net.advance();
      assertEquals(List.of(246, 245, 234, 233), ids(net));

      a.walkTo(nb.wan());
      net.advance();
      assertEquals(246, ids(net).get(4), "walkTo follows the address's flag, not the peer's");
    }
  }

  @Test
  void aNewStyleRequestIsAnsweredNewStyleAndMarksTheRequester() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      a.sendIntroductionRequest(nb.wan(), true);
      net.advance();
      assertEquals(List.of(234, 233), ids(net));
      assertTrue(b.getPeers().get(0).newStyleIntro());
      NewIntroductionResponsePayload r =
          Packets.decode(last(net, 233).data(), NewIntroductionResponsePayload.class).payload();
      assertEquals(na.wan(), r.destinationAddress());
    }
  }

  @Test
  void anIpv6DestinationAlwaysGetsANewStyleRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      InteropCommunity a = net.node().add(InteropCommunity::new);
      a.walkTo(Address.ipv6("::1", 7000));
      net.advance();
      assertEquals(List.of(234), ids(net));
    }
  }

  @Test
  void requestsAreRefusedOnlyWhenPeersExceedMaxPeers() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      TestNode f1 = net.node();
      TestNode f2 = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      InteropCommunity b = nb.add(s -> s.maxPeers(1), InteropCommunity::new);
      befriend(nb, f1);
      befriend(nb, f2);

      a.walkTo(nb.wan());
      net.advance();
      assertEquals(List.of(246), ids(net), "2 peers > max_peers 1: no answer");
      assertEquals(1, b.statistics().drops(DropReason.PEER_LIMIT, 246));
      assertFalse(b.network().isVerified(a.myPeer()), "a refused request changes nothing");
    }
  }

  @Test
  void peerLimitReachedIsSetFromMaxPeersPeersOn() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      TestNode f1 = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      nb.add(s -> s.maxPeers(2), InteropCommunity::new);
      befriend(nb, f1);

      a.walkTo(nb.wan());
      net.advance();
      IntroductionResponsePayload r =
          Packets.decode(last(net, 245).data(), IntroductionResponsePayload.class).payload();
      assertTrue(r.peerLimitReached(), "2 peers (f1 and a) >= max_peers 2");
      assertTrue(r.supportsNewStyle());
      assertEquals(f1.wan(), r.wanIntroductionAddress(), "f1 is introduced");
      assertEquals(Address.NULL, r.lanIntroductionAddress(), "f1 never told its LAN address");
      PunctureRequestPayload pr =
          Packets.decode(last(net, 250).data(), PunctureRequestPayload.class).payload();
      assertEquals(nb.wan(), pr.lanWalkerAddress(), "quirk A12: the request's destination");
      assertEquals(na.wan(), pr.wanWalkerAddress());
    }
  }

  @Test
  void aNegativeMaxPeersNeverRefusesNorReportsTheLimit() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      nb.add(s -> s.maxPeers(-1), InteropCommunity::new);
      for (int i = 0; i < 3; i++) {
        befriend(nb, net.node());
      }
      a.walkTo(nb.wan());
      net.advance();
      IntroductionResponsePayload r =
          Packets.decode(last(net, 245).data(), IntroductionResponsePayload.class).payload();
      assertFalse(r.peerLimitReached());
    }
  }

  @Test
  void anAnsweredRequestStoresTheRequestersLanAddressAsAHint() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      a.walkTo(nb.wan());
      net.advance();
      Peer seen = b.getPeers().get(0);
      assertEquals(na.wan(), seen.address(), "the LAN hint is never preferred");
      assertEquals(na.lan(), seen.lanAddress());
      assertEquals(AddressKind.UDPV4_LAN, seen.lanAddress().kind());
    }
  }

  private static void respond(
      InteropCommunity from, TestNode to, Address destination, Address lanIntro, Address wanIntro) {
    from.sendNow(
        to.wan(),
        new IntroductionResponsePayload(
            destination,
            from.myEstimatedLan(),
            from.myEstimatedWan(),
            lanIntro,
            wanIntro,
            new Bits(IntroductionResponsePayload.SUPPORTS_NEW_STYLE),
            7,
            new byte[0]),
        7);
  }

  @Test
  void anIntroductionOutsideOurNatYieldsItsLanAndWanAddresses() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      Address lan = Address.ipv4("192.168.1.5", 1000);
      Address wan = Address.ipv4("127.0.9.9", 2000);
      respond(b, na, na.wan(), lan, wan);
      net.advance();
      assertEquals(Set.of(lan, wan), Set.copyOf(a.getWalkableAddresses()));
      assertTrue(a.network().isVerified(b.myPeer()), "responses need no request and no limit");
    }
  }

  @Test
  void anIntroductionBehindOurNatYieldsOnlyItsLanAddress() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      Address lan = Address.ipv4("192.168.1.5", 1000);
      Address wan = Address.ipv4(na.wan().host(), 2000);
      respond(b, na, na.wan(), lan, wan);
      net.advance();
      assertEquals(List.of(lan), a.getWalkableAddresses());
    }
  }

  @Test
  void anIntroductionBehindOurNatWithoutLanYieldsItsWanAndOurLanIpWithItsPort() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      Address wan = Address.ipv4(na.wan().host(), 2000);
      respond(b, na, na.wan(), Address.NULL, wan);
      net.advance();
      assertEquals(
          Set.of(wan, Address.ipv4(na.lan().host(), 2000)), Set.copyOf(a.getWalkableAddresses()));
    }
  }

  @Test
  void theWanEstimateIsLearntFromPublicDestinationsOnly() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      Address nat = Address.ipv4("127.0.77.1", 4444);
      respond(b, na, nat, Address.NULL, Address.NULL);
      net.advance();
      assertEquals(nat, a.myEstimatedWan());
      assertEquals(nat, a.myPeer().addresses().get(AddressKind.UDPV4), "own address slot");

      respond(b, na, Address.ipv4("10.1.2.3", 5), Address.NULL, Address.NULL);
      net.advance();
      assertEquals(nat, a.myEstimatedWan(), "10/8 is never a WAN estimate");
    }
  }

  /** A community that claims an IPv6 interface besides the endpoint's IPv4 one. */
  static final class DualStack extends InteropCommunity {
    static final Address OWN_V6 = Address.ipv6("::1", 9999);

    DualStack(CommunitySettings settings) {
      super(settings);
    }

    @Override
    protected Set<AddressKind> interfaceFamilies() {
      return Set.of(AddressKind.UDPV4, AddressKind.UDPV6);
    }

    @Override
    protected Address ownAddressOf(AddressKind family) {
      return family == AddressKind.UDPV6 ? OWN_V6 : super.ownAddressOf(family);
    }
  }

  private static void respondNewStyle(InteropCommunity from, TestNode to, Address sourceWan) {
    from.sendNow(
        to.wan(),
        new NewIntroductionResponsePayload(
            to.wan(),
            from.myEstimatedLan(),
            sourceWan,
            Address.NULL,
            Address.NULL,
            9,
            Bits.NONE,
            new byte[0]),
        9);
  }

  @Test
  void theInterfaceSwitchIsSkippedWithoutAnInterfaceOfTheOtherFamily() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      respondNewStyle(b, na, Address.ipv6("::1", 1234));
      net.advance();
      assertEquals(0, a.statistics().totalDrops(), "quirk A13: no exception");
      assertTrue(a.network().isVerified(b.myPeer()));
      assertEquals(List.of(233), ids(net), "no puncture-request");
    }
  }

  @Test
  void theInterfaceSwitchAsksForAPunctureOnTheOtherFamily() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(s -> s.extra(PY_IPV8_RESPONSES), DualStack::new);
      InteropCommunity b = nb.add(InteropCommunity::new);
      Address bV6 = Address.ipv6("::1", 1234);
      respondNewStyle(b, na, bV6);
      net.advance();
      NewPunctureRequestPayload pr =
          Packets.decode(last(net, 232).data(), NewPunctureRequestPayload.class).payload();
      assertEquals(Address.NULL, pr.lanWalkerAddress());
      assertEquals(DualStack.OWN_V6, pr.wanWalkerAddress());
      assertEquals(9, pr.identifier());
      assertEquals(nb.wan(), last(net, 232).to());
      assertTrue(a.network().isNewStyle(bV6), "the other-family address is walkable new-style");
    }
  }

  @Test
  void aPunctureRequestPuncturesTheWanWalkerOrTheLanWalkerBehindOurNat() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode nb = net.node();
      TestNode nc = net.node();
      InteropCommunity b = nb.add(InteropCommunity::new);
      InteropCommunity c = nc.add(InteropCommunity::new);
      Address walkerWan = Address.ipv4("127.0.50.1", 5001);
      Address walkerLan = Address.ipv4("127.0.50.2", 5002);
      b.sendNow(nc.wan(), new PunctureRequestPayload(walkerLan, walkerWan, 3), 11);
      net.advance();
      Sent p = last(net, 249);
      assertEquals(walkerWan, p.to());
      PuncturePayload puncture = Packets.decode(p.data(), PuncturePayload.class).payload();
      assertEquals(c.myEstimatedLan(), puncture.sourceLanAddress());
      assertEquals(walkerWan, puncture.sourceWanAddress());
      assertEquals(3, puncture.identifier());

      Address sameNat = Address.ipv4(nc.wan().host(), 5003);
      b.sendNow(nc.wan(), new NewPunctureRequestPayload(walkerLan, sameNat, 4), 12);
      net.advance();
      assertEquals(walkerLan, last(net, 231).to(), "same WAN IP: the LAN walker");
    }
  }

  @Test
  void aPunctureAddsNoPeer() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nc = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      InteropCommunity c = nc.add(InteropCommunity::new);
      c.sendNow(na.wan(), new PuncturePayload(nc.lan(), na.wan(), 1), 5);
      net.advance();
      assertEquals(1, a.statistics().handled(249));
      assertTrue(a.getPeers().isEmpty());
      assertTrue(a.network().verifiedPeers().isEmpty());
    }
  }

  /** A community that hides its peers: introductions must follow what getPeers() says. */
  static final class HiddenPeers extends InteropCommunity {
    HiddenPeers(CommunitySettings settings) {
      super(settings);
    }

    @Override
    public List<Peer> getPeers() {
      return List.of();
    }
  }

  @Test
  void onlyAnOverriddenGetPeersIsAskedInsteadOfTheNetwork() {
    assertFalse(IntroductionProtocol.overridesGetPeers(InteropCommunity.class));
    assertFalse(IntroductionProtocol.overridesGetPeers(DiscoveryCommunity.class));
    assertTrue(IntroductionProtocol.overridesGetPeers(HiddenPeers.class));
  }

  @Test
  void theIntroducedPeerComesFromGetPeersWhenACommunityOverridesIt() {
    for (boolean hidden : new boolean[] {false, true}) {
      try (TestNetwork net = TestNetwork.create()) {
        TestNode na = net.node();
        TestNode nb = net.node();
        InteropCommunity a = na.add(InteropCommunity::new);
        if (hidden) {
          nb.add(HiddenPeers::new);
        } else {
          nb.add(InteropCommunity::new);
        }
        befriend(nb, net.node());

        a.walkTo(nb.wan());
        net.advance();
        assertEquals(!hidden, ids(net).contains(250), "puncture-request sent, hidden " + hidden);
      }
    }
  }
}
