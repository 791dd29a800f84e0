package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the two complete walks of discovery.json {@code walk_exchanges} (C walks to B, then A
 * walks to B and B introduces C) between Java nodes with the vector keys, addresses and fresh
 * clocks, and checks that every datagram is byte-identical to py-ipv8's.
 *
 * <p>Datagrams are compared per sender, in order: the interleaving of two senders' datagrams
 * depends on how each implementation schedules deliveries (py-ipv8's DiscoveryCommunity walk lists
 * A's similarity-request before C's puncture; this engine hands the puncture-request to C first),
 * which is invisible on the wire.
 */
class WalkExchangeVectorsTest {

  private record Expected(String from, Address to, int msgId, String hex) {}

  private static List<Expected> expected(String walk) {
    List<Expected> out = new ArrayList<>();
    for (JsonNode e : Vectors.load("discovery.json").get("walk_exchanges").get(walk)) {
      out.add(
          new Expected(
              e.get("from").asText(),
              VectorIdentities.address(e.get("to_address")),
              e.get("msg_id").asInt(),
              e.get("packet_hex").asText()));
    }
    return out;
  }

  private static void replay(
      String walk, Function<CommunitySettings, ? extends Community> factory) {
    try (TestNetwork net = TestNetwork.create()) {
      Map<String, TestNode> nodes = new java.util.LinkedHashMap<>();
      for (String name : List.of("A", "B", "C")) {
        TestNode node = VectorIdentities.node(net, name);
        node.add(factory);
        nodes.put(name, node);
      }
      Community a = nodes.get("A").communities().get(0);
      Community c = nodes.get("C").communities().get(0);

      c.walkTo(nodes.get("B").wan());
      net.advance();
      a.walkTo(nodes.get("B").wan());
      net.advance();

      List<Sent> sent = net.internet().sent();
      List<Expected> expected = expected(walk);
      assertEquals(expected.size(), sent.size(), "number of datagrams");
      assertTrue(net.internet().undeliverable().isEmpty(), "every datagram reached a node");
      for (String name : nodes.keySet()) {
        Address from = nodes.get(name).wan();
        List<Expected> mine = expected.stream().filter(e -> e.from().equals(name)).toList();
        List<Sent> actual = sent.stream().filter(s -> s.from().equals(from)).toList();
        assertEquals(mine.size(), actual.size(), "datagrams sent by " + name);
        for (int i = 0; i < mine.size(); i++) {
          Expected e = mine.get(i);
          Sent s = actual.get(i);
          String what = name + "'s datagram " + (i + 1) + " (msg " + e.msgId() + ")";
          assertEquals(e.to(), s.to(), what + ": destination");
          assertEquals(e.hex(), HexFormat.of().formatHex(s.data()), what + ": bytes");
        }
      }
      for (TestNode n : nodes.values()) {
        assertEquals(
            0, n.communities().get(0).statistics().totalDrops(), n + " dropped a datagram");
      }
    }
  }

  @Test
  void customCommunityWalkIsByteIdenticalToPyIpv8() {
    replay("custom_community_walk", InteropCommunity::new);
  }

  @Test
  void discoveryCommunityWalkIsByteIdenticalToPyIpv8() {
    replay("discovery_community_walk", DiscoveryCommunity::new);
  }
}
