package org.jipv8.reactor.dht;

import static org.jipv8.reactor.dht.DhtVectorsTest.DHT;
import static org.jipv8.reactor.dht.DhtVectorsTest.HEX;
import static org.jipv8.reactor.dht.DhtVectorsTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dht.json {@code reactions}: one packet from A to a fresh node B (routing table C, D; B's token
 * secret) and exactly the datagrams py-ipv8's B sent back, byte for byte, and what it stored.
 */
class DhtReactionsTest {

  static Stream<JsonNode> reactions() {
    List<JsonNode> all = new ArrayList<>();
    DHT.get("reactions").forEach(all::add);
    return all.stream();
  }

  /** A fresh B with C and D in its routing table and py-ipv8's token secret. */
  static DHTDiscoveryCommunity freshB(TestNetwork net, boolean withNodes) {
    JsonNode b = DHT.get("nodes").get("B");
    TestNode node =
        net.node(
            VectorIdentities.key(b.get("key").asText()),
            address(b.get("lan")),
            address(b.get("wan")));
    DHTDiscoveryCommunity dht = node.add(DHTDiscoveryCommunity::new);
    dht.tokens().rotate(Vectors.hex(b.get("token_secret_hex")));
    for (String other : withNodes ? List.of("C", "D") : List.<String>of()) {
      JsonNode n = DHT.get("nodes").get(other);
      Node peer =
          new Node(
              Keys.publicFromBin(Vectors.hex(n.get("public_key_bin_hex"))), address(n.get("wan")));
      dht.routingTable(peer.address()).add(peer, net.now());
    }
    return dht;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reactions")
  void bAnswersAsPyIpv8Did(JsonNode reaction) {
    try (TestNetwork net = TestNetwork.create()) {
      // One reaction is of a B that knows nobody yet.
      boolean empty = reaction.get("name").asText().equals("find-request-empty-routing-table");
      DHTDiscoveryCommunity b = freshB(net, !empty);
      net.advance();
      net.internet().clearLog();
      Address from = address(reaction.get("from_address"));
      TestNode bNode = net.nodes().get(0);
      bNode.endpoint().inject(from, Vectors.hex(reaction.get("packet_hex")));
      net.advance();

      List<String> sent = new ArrayList<>();
      for (Sent s : net.internet().sent()) {
        if (s.from().equals(bNode.wan())) {
          sent.add(s.to() + " " + HEX.formatHex(s.data()));
        }
      }
      List<String> expected = new ArrayList<>();
      for (JsonNode p : reaction.get("sent_packets")) {
        expected.add(address(p.get("to")) + " " + p.get("packet_hex").asText());
      }
      assertEquals(expected, sent, reaction.get("what_happens").asText());

      Map<String, List<String>> stored = new TreeMap<>();
      for (byte[] key : b.storage().keys()) {
        List<String> values = new ArrayList<>();
        b.storage().get(key, 0, 0).forEach(v -> values.add(HEX.formatHex(v)));
        stored.put(HEX.formatHex(key), values);
      }
      Map<String, List<String>> storedWant = new TreeMap<>();
      reaction
          .get("stored_after")
          .properties()
          .forEach(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                storedWant.put(e.getKey(), values);
              });
      assertEquals(storedWant, stored);

      reaction
          .get("stored_peers_after")
          .properties()
          .forEach(
              e -> {
                List<String> want = new ArrayList<>();
                e.getValue().forEach(n -> want.add(n.get("public_key_bin_hex").asText()));
                List<String> got = new ArrayList<>();
                b.storedPeers(Vectors.hex(e.getKey()))
                    .forEach(n -> got.add(HEX.formatHex(n.publicKeyBin())));
                assertEquals(want, got);
              });
      if (reaction.get("stored_peers_after").isEmpty()) {
        assertEquals(
            List.of(), b.storedPeers(VectorIdentities.key("curve25519-0").publicKey().mid()));
      }
      if (reaction.get("name").asText().equals("store-response-unknown-identifier")) {
        // No store-request was ever made, so the engine does not even expect store-responses.
        assertEquals(
            1, b.statistics().drops(DropReason.UNKNOWN_MESSAGE, 4), b.statistics().toString());
      } else if (!reaction.get("log").isEmpty()) {
        assertEquals(
            1,
            b.dhtStatistics().snapshot().values().stream().mapToLong(x -> x).sum(),
            b.dhtStatistics().toString());
      }
    }
  }
}
