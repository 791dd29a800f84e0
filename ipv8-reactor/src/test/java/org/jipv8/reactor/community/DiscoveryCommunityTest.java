package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.PongPayload;
import org.jipv8.reactor.messaging.payload.SimilarityRequestPayload;
import org.jipv8.reactor.messaging.payload.SimilarityResponsePayload;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;

/** DiscoveryCommunity specifics (runtime.md section 4.11, wire-protocol.md 5.9 and 6.8). */
class DiscoveryCommunityTest {

  private static List<Sent> sent(TestNetwork net, int messageId) {
    return net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == messageId).toList();
  }

  private static Peer peerOf(TestNode node) {
    return new Peer(node.myPeer().publicKey(), node.wan(), true, () -> 0L);
  }

  private static JsonNode vectorPacket(String name) {
    for (JsonNode p : Vectors.load("discovery.json").get("discovery_community").get("packets")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no packet " + name);
  }

  @Test
  void aPongGivesTheRoundTripTime() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);
      net.internet().setLatency(Duration.ofMillis(40));
      Peer peer = peerOf(nb);
      a.sendPing(peer);
      net.advance(Duration.ofMillis(80));
      assertEquals(List.of(0.08), peer.pings());
      assertEquals(0, a.requestCache().size());
      assertEquals(1, b.statistics().handled(3));
    }
  }

  @Test
  void pongsStillMatchAfterTheGlobalTimePasses65535() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      nb.add(DiscoveryCommunity::new);
      na.myPeer().updateClock(70_000);
      Peer peer = peerOf(nb);
      a.sendPing(peer);
      net.advance();
      assertEquals(1, peer.pings().size(), "quirk A16 fixed: keyed by the 16-bit identifier");
    }
  }

  @Test
  void anUnexpectedOrLatePongIsIgnored() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);
      b.sendNow(na.wan(), new PongPayload(1234), 1);
      net.advance();
      assertEquals(1, a.statistics().handled(4));
      assertEquals(0, a.statistics().totalDrops());

      net.internet().setLatency(Duration.ofSeconds(3));
      Peer peer = peerOf(nb);
      a.sendPing(peer);
      net.advance(Duration.ofSeconds(6));
      assertTrue(peer.pings().isEmpty(), "the pong came after the 5 s timeout");
    }
  }

  @Test
  void similarityRequestsListTheCommunitiesOfEachIdentityAndAreAnswered() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      na.add(InteropCommunity::new);
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);

      a.sendSimilarityRequest(nb.wan());
      net.advance();

      SimilarityRequestPayload request =
          Packets.decode(sent(net, 1).get(0).data(), SimilarityRequestPayload.class).payload();
      assertEquals(40, request.preferenceList().length);
      Set<CommunityId> advertised = b.network().getServicesForPeer(peerOf(na));
      assertEquals(Set.of(DiscoveryCommunity.COMMUNITY_ID, InteropCommunity.ID), advertised);
      assertFalse(b.network().isVerified(peerOf(na)), "a request does not verify its sender");

      SimilarityResponsePayload response =
          Packets.decode(sent(net, 2).get(0).data(), SimilarityResponsePayload.class).payload();
      assertEquals(request.identifier(), response.identifier());
      assertEquals(0, response.tbOverlap().length);
      assertTrue(a.network().isVerified(peerOf(nb)), "a response verifies its sender");
      assertEquals(List.of(b.myPeer().publicKey()), List.of(a.getPeers().get(0).publicKey()));
    }
  }

  @Test
  void eachLocalIdentitySendsItsOwnSignedSimilarityRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      TestNode other = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      na.add(s -> s.myPeer(other.myPeer()), InteropCommunity::new);
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);

      a.sendSimilarityRequest(nb.wan());
      net.advance();

      List<Sent> requests = sent(net, 1);
      assertEquals(2, requests.size());
      Decoded<SimilarityRequestPayload> first =
          Packets.decode(requests.get(0).data(), SimilarityRequestPayload.class);
      Decoded<SimilarityRequestPayload> second =
          Packets.decode(requests.get(1).data(), SimilarityRequestPayload.class);
      assertEquals(na.myPeer().publicKey(), first.signer());
      assertEquals(other.myPeer().publicKey(), second.signer());
      assertEquals(
          Set.of(InteropCommunity.ID),
          b.network().getServicesForPeer(new Peer(other.myPeer().publicKey(), na.wan())));
      assertEquals(2, sent(net, 2).size(), "b answers each request (b has one identity)");
    }
  }

  @Test
  void everyIntroductionResponseIsFollowedByASimilarityRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      InteropCommunity interop = na.add(InteropCommunity::new);
      nb.add(DiscoveryCommunity::new);
      InteropCommunity bInterop = nb.add(InteropCommunity::new);
      a.walkTo(nb.wan());
      net.advance();
      assertEquals(1, sent(net, 1).size());
      assertEquals(1, sent(net, 2).size());
      assertEquals(1, bInterop.getPeers().size(), "a became a peer of b's interop community");
      assertEquals(1, interop.getPeers().size(), "and b of a's, without walking there");
    }
  }

  @Test
  void aSimilarityResponseFromANewPeerIsDroppedOverThePeerLimit() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      DiscoveryCommunity a = na.add(s -> s.maxPeers(0), DiscoveryCommunity::new);
      nb.add(DiscoveryCommunity::new);
      Peer f = peerOf(net.node());
      a.network().addVerifiedPeer(f);
      a.network().discoverServices(f, List.of(DiscoveryCommunity.COMMUNITY_ID));

      a.sendSimilarityRequest(nb.wan());
      net.advance();
      assertEquals(1, a.statistics().drops(DropReason.POLICY, 2));
      assertFalse(a.network().isVerified(peerOf(nb)));
    }
  }

  @Test
  void theLegacyIntroductionRequestIsAnsweredOldStyle() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode nb = VectorIdentities.node(net, "B");
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);
      JsonNode legacy = vectorPacket("legacy-discovery-introduction-request");
      Address from =
          VectorIdentities.address(legacy.get("py_ipv8_receiver_reaction").get("from_address"));
      nb.endpoint().inject(from, Vectors.hex(legacy.get("packet_hex")));
      net.advance();

      Sent response = sent(net, 245).get(0);
      assertEquals(from, response.to());
      assertEquals(204, response.data().length);
      IntroductionResponsePayload r =
          Packets.decode(response.data(), IntroductionResponsePayload.class).payload();
      assertEquals(1000, r.identifier());
      assertEquals(from, r.destinationAddress());
      Peer a = b.getPeers().get(0);
      assertFalse(a.newStyleIntro(), "the DiscoveryCommunity never marks a 246 sender new-style");
      assertNull(a.lanAddress(), "nor stores its LAN hint");
    }
  }

  @Test
  void aNormalIntroductionRequestIsAnsweredOldStyleEvenFromANewStylePeer() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode nb = VectorIdentities.node(net, "B");
      DiscoveryCommunity b = nb.add(DiscoveryCommunity::new);
      Peer stored =
          new Peer(
              VectorIdentities.nodeKey("A").publicKey(), VectorIdentities.wan("A"), true, () -> 0);
      stored.setNewStyleIntro(true);
      b.network().addVerifiedPeer(stored);
      JsonNode request = vectorPacket("introduction-request");
      nb.endpoint().inject(VectorIdentities.wan("A"), Vectors.hex(request.get("packet_hex")));
      net.advance();
      assertEquals(1, sent(net, 245).size());
      assertTrue(sent(net, 233).isEmpty());
    }
  }

  @Test
  void theDiscoveryPeerLimitIsCheckedBeforeDecoding() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode nb = VectorIdentities.node(net, "B");
      DiscoveryCommunity b = nb.add(s -> s.maxPeers(0), DiscoveryCommunity::new);
      Peer f = peerOf(net.node());
      b.network().addVerifiedPeer(f);
      b.network().discoverServices(f, List.of(DiscoveryCommunity.COMMUNITY_ID));
      byte[] bad = Vectors.hex(vectorPacket("introduction-request").get("packet_hex"));
      bad[bad.length - 1] ^= 1;
      nb.endpoint().inject(VectorIdentities.wan("A"), bad);
      net.advance();
      assertEquals(1, b.statistics().drops(DropReason.POLICY, 246));
      assertEquals(0, b.statistics().drops(DropReason.BAD_SIGNATURE));
      assertTrue(net.internet().sent().isEmpty());
    }
  }

  @Test
  void itOffersRandomChurnAndPeriodicSimilarity() {
    try (TestNetwork net = TestNetwork.create()) {
      DiscoveryCommunity d = net.node().add(DiscoveryCommunity::new);
      assertEquals(BuiltinStrategies.discoveryCommunity(), BuiltinStrategies.offered(d));
    }
  }

  @Test
  void unloadShutsThePingCacheDown() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      DiscoveryCommunity a = na.add(DiscoveryCommunity::new);
      a.sendPing(peerOf(net.node()));
      assertEquals(1, a.requestCache().size());
      a.unload().block();
      assertTrue(a.requestCache().isShutdown());
      assertEquals(0, a.requestCache().size());
      assertTrue(a.isUnloaded());
    }
  }
}
