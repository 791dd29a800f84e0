package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each packet of discovery.json, produced by the engine's own behaviour (walks, answers, punctures,
 * pings) with the vector keys, addresses and global times, is byte-identical to py-ipv8's, for the
 * custom community and the DiscoveryCommunity alike. This covers the new-style messages that the
 * walk exchanges do not contain.
 */
class SinglePacketVectorsTest {

  /** One community of the vectors. */
  record Kind(
      String key, CommunityId id, Function<CommunitySettings, ? extends Community> factory) {
    @Override
    public String toString() {
      return key;
    }
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new Kind("custom_community", InteropCommunity.ID, InteropCommunity::new)),
        Arguments.of(
            new Kind(
                "discovery_community", DiscoveryCommunity.COMMUNITY_ID, DiscoveryCommunity::new)));
  }

  private static JsonNode packet(Kind kind, String name) {
    for (JsonNode p : Vectors.load("discovery.json").get(kind.key()).get("packets")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no packet " + name + " in " + kind.key());
  }

  private static byte[] bytes(Kind kind, String name) {
    return Vectors.hex(packet(kind, name).get("packet_hex"));
  }

  private static void assertSent(TestNetwork net, Kind kind, String name, Address to) {
    JsonNode p = packet(kind, name);
    int id = p.get("msg_id").asInt();
    List<Sent> sent =
        net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == id).toList();
    assertFalse(sent.isEmpty(), name + " was not sent");
    Sent s = sent.get(sent.size() - 1);
    assertEquals(to, s.to(), name + ": destination");
    assertEquals(p.get("packet_hex").asText(), HexFormat.of().formatHex(s.data()), name);
  }

  /** A network with the vector nodes A, B, C, each running {@code kind}. */
  private static final class Scenario implements AutoCloseable {
    final TestNetwork net = TestNetwork.create();
    final TestNode a;
    final TestNode b;
    final TestNode c;
    final Kind kind;

    Scenario(Kind kind, Function<CommunitySettings, ? extends Community> factoryOfA) {
      this.kind = kind;
      a = VectorIdentities.node(net, "A");
      b = VectorIdentities.node(net, "B");
      c = VectorIdentities.node(net, "C");
      a.add(factoryOfA);
      b.add(kind.factory());
      c.add(kind.factory());
    }

    Scenario(Kind kind) {
      this(kind, kind.factory());
    }

    Community of(TestNode node) {
      return node.communities().get(0);
    }

    /** Makes C a peer of B's community, with its LAN hint, as after C's own request. */
    void cIsAPeerOfB() {
      Peer peer = new Peer(c.myPeer().publicKey(), c.wan(), true, net::now);
      peer.addAddress(c.lan().withKind(org.jipv8.api.address.AddressKind.UDPV4_LAN));
      b.network().addVerifiedPeer(peer);
      b.network().discoverServices(peer, List.of(kind.id()));
    }

    @Override
    public void close() {
      net.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void introductionRequest(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.a.myPeer().updateClock(41);
      s.net.run(() -> s.of(s.a).walkTo(s.b.wan()));
      assertSent(s.net, kind, "introduction-request", s.b.wan());
    }
  }

  @Test
  void introductionRequestWithExtraBytes() {
    Kind kind = (Kind) kinds().findFirst().orElseThrow().get()[0];
    Function<CommunitySettings, Community> withExtra =
        settings ->
            new InteropCommunity(settings) {
              @Override
              protected byte[] introductionRequestExtraBytes(Address destination) {
                return HexFormat.of().parseHex("01026578747261");
              }
            };
    try (Scenario s = new Scenario(kind, withExtra)) {
      s.a.myPeer().updateClock(42);
      s.net.run(() -> s.of(s.a).walkTo(s.b.wan()));
      assertSent(s.net, kind, "introduction-request-with-extra-bytes", s.b.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void introductionRequestNewStyle(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.a.myPeer().updateClock(43);
      // py-ipv8 guessed its own IPv4 interface address as 127.0.0.1 with its bound port.
      s.a.myPeer().addAddress(Address.ipv4("127.0.0.1", 8090));
      s.net.run(() -> s.of(s.a).sendIntroductionRequest(s.b.wan(), true));
      assertSent(s.net, kind, "introduction-request-new-style", s.b.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void introductionResponseAndPunctureRequest(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.cIsAPeerOfB();
      s.b.myPeer().updateClock(99);
      s.b.endpoint().inject(s.a.wan(), bytes(kind, "introduction-request"));
      s.net.advance();
      assertSent(s.net, kind, "puncture-request", s.c.wan());
      assertSent(s.net, kind, "introduction-response", s.a.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void introductionResponseWithoutIntroduction(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.b.myPeer().updateClock(199);
      s.b.endpoint().inject(s.a.wan(), bytes(kind, "introduction-request-with-extra-bytes"));
      s.net.advance();
      assertSent(s.net, kind, "introduction-response-no-introduction", s.a.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void introductionResponseNewStyleAndPunctureRequestNewStyle(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.cIsAPeerOfB();
      s.b.myPeer().updateClock(299);
      s.b.myPeer().addAddress(Address.ipv4("127.0.0.1", 8091));
      s.b.endpoint().inject(s.a.wan(), bytes(kind, "introduction-request-new-style"));
      s.net.advance();
      assertSent(s.net, kind, "puncture-request-new-style", s.c.wan());
      assertSent(s.net, kind, "introduction-response-new-style", s.a.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void puncture(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.c.myPeer().updateClock(499);
      s.c.endpoint().inject(s.b.wan(), bytes(kind, "puncture-request"));
      s.net.advance();
      assertSent(s.net, kind, "puncture", s.a.wan());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void punctureNewStyle(Kind kind) {
    try (Scenario s = new Scenario(kind)) {
      s.c.myPeer().updateClock(500);
      byte[] request =
          Packets.encode(
              s.of(s.b).prefix(),
              new NewPunctureRequestPayload(s.b.wan(), s.a.wan(), 42),
              null,
              301);
      s.c.endpoint().inject(s.b.wan(), request);
      s.net.advance();
      assertSent(s.net, kind, "puncture-new-style", s.a.wan());
    }
  }

  private static Kind discovery() {
    return (Kind) kinds().skip(1).findFirst().orElseThrow().get()[0];
  }

  @Test
  void similarityRequestListsEveryCommunityOfTheKey() {
    Kind kind = discovery();
    try (Scenario s = new Scenario(kind)) {
      s.a.add(InteropCommunity::new);
      s.a.myPeer().updateClock(599);
      s.net.run(() -> ((DiscoveryCommunity) s.of(s.a)).sendSimilarityRequest(s.b.wan()));
      assertSent(s.net, kind, "similarity-request", s.b.wan());
    }
  }

  @Test
  void similarityResponse() {
    Kind kind = discovery();
    try (Scenario s = new Scenario(kind)) {
      s.b.myPeer().updateClock(699);
      s.b.endpoint().inject(s.a.wan(), bytes(kind, "similarity-request"));
      s.net.advance();
      assertSent(s.net, kind, "similarity-response", s.a.wan());
    }
  }

  @Test
  void pingAndPong() {
    Kind kind = discovery();
    try (Scenario s = new Scenario(kind)) {
      s.a.myPeer().updateClock(799);
      s.b.myPeer().updateClock(899);
      Peer b = new Peer(s.b.myPeer().publicKey(), s.b.wan(), true, s.net::now);
      s.net.run(() -> ((DiscoveryCommunity) s.of(s.a)).sendPing(b));
      assertSent(s.net, kind, "ping", s.b.wan());
      assertSent(s.net, kind, "pong", s.a.wan());
      assertEquals(1, b.pings().size(), "the pong matched the pending ping");
    }
  }
}
