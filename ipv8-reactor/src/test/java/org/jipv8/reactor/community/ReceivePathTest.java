package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receive path of a node running the vectors' custom community and the DiscoveryCommunity on
 * one endpoint (node B of the vectors): every malformed.json datagram is accepted or dropped and
 * counted under the reason py-ipv8's outcome implies, and the node keeps handling valid messages.
 */
class ReceivePathTest {
  private static final Address FROM = Address.ipv4("127.0.0.11", 18090);

  /** Where the drop of each rejected case is counted: router or community, and why. */
  private static final Map<String, DropReason> EXPECTED =
      Map.ofEntries(
          Map.entry("wrong-community-id", DropReason.UNKNOWN_PREFIX),
          Map.entry("wrong-version-byte", DropReason.UNKNOWN_PREFIX),
          Map.entry("nonzero-first-byte", DropReason.UNKNOWN_PREFIX),
          Map.entry("empty-datagram", DropReason.TOO_SHORT),
          Map.entry("prefix-only-22-bytes", DropReason.TOO_SHORT),
          Map.entry("unknown-message-id-100", DropReason.UNKNOWN_MESSAGE),
          Map.entry("deprecated-message-id-255", DropReason.DEPRECATED_MESSAGE),
          Map.entry("signed-message-bad-signature (last byte flipped)", DropReason.BAD_SIGNATURE),
          Map.entry("signed-message-payload-bit-flipped", DropReason.BAD_SIGNATURE),
          Map.entry("signed-message-truncated (signature cut)", DropReason.TRUNCATED),
          Map.entry("signed-message-extra-trailing-byte", DropReason.TRAILING_BYTES),
          Map.entry("signed-message-garbage-public-key", DropReason.INVALID_KEY),
          Map.entry("signed-message-key-length-too-big", DropReason.TRUNCATED),
          Map.entry("unsigned-message-extra-trailing-byte", DropReason.TRAILING_BYTES),
          Map.entry("unsigned-message-truncated", DropReason.TRUNCATED),
          Map.entry("unsigned-message-varlen-overruns", DropReason.TRUNCATED),
          Map.entry("introduction-request-bad-signature", DropReason.BAD_SIGNATURE),
          Map.entry("introduction-request-truncated", DropReason.TRUNCATED),
          Map.entry("discovery-introduction-request-bad-signature", DropReason.BAD_SIGNATURE),
          Map.entry("puncture-request-extra-trailing-byte", DropReason.TRAILING_BYTES));

  static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    Vectors.load("malformed.json").get("cases").forEach(out::add);
    return out;
  }

  private static byte[] validSigned() {
    return Vectors.hex(cases().get(0).get("packet_hex"));
  }

  private static long drops(TestNode node, PrefixRouter router, DropReason reason) {
    long n = router.drops().getOrDefault(reason, 0L);
    for (Community c : node.communities()) {
      n += c.statistics().drops(reason);
    }
    return n;
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void eachMalformedDatagramIsHandledOrDroppedUnderItsReasonAndTheNodeCarriesOn(JsonNode c) {
    String name = c.get("name").asText();
    byte[] packet = Vectors.hex(c.get("packet_hex"));
    int times = c.path("details").path("delivered_times").asInt(1);
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      DiscoveryCommunity discovery = b.add(DiscoveryCommunity::new);
      PrefixRouter router = custom.settings().router();
      for (int i = 0; i < times; i++) {
        b.endpoint().inject(FROM, packet);
      }
      net.advance();

      JsonNode calls = c.path("details").path("custom_handler_calls");
      if (c.get("outcome").asText().equals("accepted")) {
        assertEquals(calls.path("signed").asInt(), custom.signedReceived().size(), name);
        assertEquals(calls.path("unsigned").asInt(), custom.unsignedReceived().size(), name);
        assertEquals(0, custom.statistics().totalDrops(), name);
      } else {
        DropReason reason = EXPECTED.get(name);
        assertNotNull(reason, "no expectation for " + name);
        assertEquals(1, drops(b, router, reason), name + " counted under " + reason);
        assertEquals(0, custom.signedReceived().size() + custom.unsignedReceived().size(), name);
        assertTrue(net.internet().sent().isEmpty(), name + ": no reply to a dropped datagram");
      }
      assertEquals(0, custom.statistics().drops(DropReason.HANDLER_ERROR));
      assertEquals(0, discovery.statistics().drops(DropReason.HANDLER_ERROR));

      int before = custom.signedReceived().size();
      b.endpoint().inject(FROM, validSigned());
      net.advance();
      assertEquals(before + 1, custom.signedReceived().size(), "valid message after " + name);
    }
  }

  @Test
  void dropsAreCountedByReasonAndMessageId() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      byte[] deprecated = validSigned();
      deprecated[22] = (byte) 247;
      byte[] unknown = validSigned();
      unknown[22] = 17;
      b.endpoint().inject(FROM, deprecated);
      b.endpoint().inject(FROM, unknown);
      b.endpoint().inject(FROM, unknown);
      net.advance();
      CommunityStatistics s = custom.statistics();
      assertEquals(1, s.drops(DropReason.DEPRECATED_MESSAGE, 247));
      assertEquals(2, s.drops(DropReason.UNKNOWN_MESSAGE, 17));
      assertEquals(Map.of(17, 2L), s.dropsByMessageId(DropReason.UNKNOWN_MESSAGE));
      assertEquals(2, s.received(17).count());
      assertEquals(2L * unknown.length, s.received(17).bytes());
      assertEquals(3, s.totalDrops());
    }
  }

  @Test
  void aThrowingHandlerIsCountedAndTheNextMessageIsHandled() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      custom.failNextSigned();
      b.endpoint().inject(FROM, validSigned());
      b.endpoint().inject(FROM, validSigned());
      net.advance();
      assertEquals(1, custom.statistics().drops(DropReason.HANDLER_ERROR, 1));
      assertEquals(1, custom.signedReceived().size());
      assertEquals(1, custom.statistics().handled(1));
    }
  }

  @Test
  void anyDatagramFromAVerifiedPeerRefreshesItsLastResponseEvenWhenDropped() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      Peer a = new Peer(VectorIdentities.nodeKey("A").publicKey(), FROM, true, net::now);
      b.network().addVerifiedPeer(a);
      assertEquals(0, a.lastResponse());
      byte[] garbage = validSigned();
      garbage[garbage.length - 1] ^= 1;
      net.advance(java.time.Duration.ofSeconds(3));
      b.endpoint().inject(FROM, garbage);
      net.advance();
      assertEquals(net.now(), a.lastResponse());
      assertEquals(1, custom.statistics().drops(DropReason.BAD_SIGNATURE));
    }
  }

  @Test
  void aSignedHandlerGetsTheStoredPeerWithItsAddressUpdated() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      Peer stored =
          new Peer(
              VectorIdentities.nodeKey("A").publicKey(),
              Address.ipv4("127.0.0.99", 1),
              true,
              net::now);
      b.network().addVerifiedPeer(stored);
      b.endpoint().inject(FROM, validSigned());
      net.advance();
      Peer got = custom.signedReceived().get(0).peer();
      assertTrue(got == stored, "the canonical stored peer object");
      assertEquals(FROM, got.address());
    }
  }

  @Test
  void aSignedHandlerFromAnUnknownKeyGetsANewPeerThatNeverResponded() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = VectorIdentities.node(net, "B");
      InteropCommunity custom = b.add(InteropCommunity::new);
      b.endpoint().inject(FROM, validSigned());
      net.advance();
      Peer got = custom.signedReceived().get(0).peer();
      assertEquals(FROM, got.address());
      assertEquals(0, got.lastResponse());
      assertEquals(VectorIdentities.nodeKey("A").publicKey(), got.publicKey());
      assertTrue(b.network().verifiedPeers().isEmpty(), "a message does not verify its sender");
    }
  }
}
