package org.jipv8.reactor.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.discovery.PingChurn;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/** Routing-table status, discovery, PingChurn, tokens and the maintenance tasks on virtual time. */
class DhtBehaviourTest {
  private static final long MIN = 60_000;

  private static Node someNode(String ip, int port) {
    return new Node(
        Keys.generate(KeyType.CURVE25519).publicKey(),
        org.jipv8.api.address.Address.ipv4(ip, port));
  }

  @Test
  void nodeStatusFollowsResponsesQueriesAndFailures() {
    long now = 1_700_000_000_000L;
    TrackedNode n = new TrackedNode(someNode("127.0.0.5", 1));
    assertEquals(NodeStatus.UNKNOWN, n.status(now));
    n.responded(now, now - 40);
    assertEquals(40, n.rtt());
    assertEquals(NodeStatus.GOOD, n.status(now + 14 * MIN));
    assertEquals(NodeStatus.UNKNOWN, n.status(now + 16 * MIN));
    n.recordQuery(now + 16 * MIN);
    assertEquals(NodeStatus.GOOD, n.status(now + 20 * MIN), "ever responded and queried lately");
    n.timedOut();
    assertEquals(NodeStatus.GOOD, n.status(now + 20 * MIN));
    n.timedOut();
    assertEquals(NodeStatus.BAD, n.status(now + 20 * MIN));
    n.responded(now + 21 * MIN, now + 21 * MIN);
    assertEquals(NodeStatus.GOOD, n.status(now + 21 * MIN), "a response clears the failures");
  }

  @Test
  void aFullBucketMakesRoomOnlyForABadNodeAndIsRefreshedWithAnIdInsideIt() {
    long now = 1_000_000;
    Bucket bucket = new Bucket("", 2);
    TrackedNode x = new TrackedNode(someNode("127.0.0.5", 1));
    TrackedNode y = new TrackedNode(someNode("127.0.0.6", 1));
    TrackedNode z = new TrackedNode(someNode("127.0.0.7", 1));
    assertTrue(bucket.add(x, now));
    assertTrue(bucket.add(y, now));
    assertFalse(bucket.add(z, now), "full, nobody bad");
    y.timedOut();
    y.timedOut();
    assertTrue(bucket.add(z, now), "the bad node made room");
    assertNull(bucket.get(y.id()));
    Bucket half = new Bucket("101", 8);
    byte[] id = half.randomId(new java.util.SplittableRandom(1));
    assertTrue(half.owns(id));
    assertTrue(NodeIds.bits(id).startsWith("101"));
  }

  @Test
  void aWalkFilesBothNodesAndTheirPingsMakeThemGood() {
    try (TestNetwork net = TestNetwork.create(3)) {
      TestNode an = net.node();
      TestNode bn = net.node();
      DHTCommunity a = an.add(DHTCommunity::new);
      DHTCommunity b = bn.add(DHTCommunity::new);
      net.run(() -> a.walkTo(bn.wan()));
      net.advance(Duration.ofSeconds(1));
      assertEquals(1, a.routingTableNodes().size());
      assertEquals(1, b.routingTableNodes().size());
      TrackedNode bAtA = a.routingTable(bn.wan()).get(NodeIds.of(bn.wan(), b.myPeer().mid()));
      assertNotNull(bAtA);
      assertEquals(NodeStatus.GOOD, bAtA.status(net.now()), "answered the ping");
      assertEquals(1, a.getPeers().size());
    }
  }

  @Test
  void pingChurnPingsEvery25SecondsAndDropsSilentNodes() {
    try (TestNetwork net = TestNetwork.create(4)) {
      TestNode an = net.node();
      TestNode bn = net.node();
      TestNode cn = net.node();
      DHTCommunity a = an.add(DHTCommunity::new);
      bn.add(DHTCommunity::new);
      cn.add(DHTCommunity::new);
      net.run(() -> a.walkTo(bn.wan()));
      net.run(() -> a.walkTo(cn.wan()));
      net.advance(Duration.ofSeconds(1));
      assertEquals(2, a.routingTableNodes().size());
      PingChurn churn = new PingChurn(a);
      cn.endpoint().close().subscribe();
      net.internet().clearLog();
      for (int i = 0; i < 120; i++) {
        net.run(churn::takeStep);
        net.advance(Duration.ofMillis(500));
      }
      long pingsToB =
          net.internet().sent().stream()
              .filter(s -> s.to().equals(bn.wan()) && Packets.messageId(s.data()) == 1)
              .count();
      assertTrue(pingsToB >= 2 && pingsToB <= 3, "60 s of churn pings B every 25 s: " + pingsToB);
      List<Node> left = a.routingTableNodes();
      assertEquals(1, left.size(), "C stopped answering and was dropped: " + left);
      assertEquals(bn.wan(), left.get(0).address());
      assertEquals(1, a.getPeers().size());
    }
  }

  @Test
  void tokenSecretsRotateEveryFiveMinutesAndTheLastTwoAreAccepted() {
    try (TestNetwork net = TestNetwork.create(5)) {
      DHTCommunity a = net.node().add(DHTCommunity::new);
      Node requester = someNode("127.0.0.9", 9);
      byte[] token = a.tokens().generate(requester);
      net.advance(Duration.ofSeconds(301));
      assertTrue(a.tokens().check(requester, token), "the previous secret still works");
      net.advance(Duration.ofSeconds(300));
      assertFalse(a.tokens().check(requester, token), "two rotations later it does not");
    }
  }

  @Test
  void discoveryNodesStoreEachOtherAndForgetASilentOne() {
    try (TestNetwork net = TestNetwork.create(6)) {
      TestNode an = net.node();
      TestNode bn = net.node();
      DHTDiscoveryCommunity a = an.add(DHTDiscoveryCommunity::new);
      DHTDiscoveryCommunity b = bn.add(DHTDiscoveryCommunity::new);
      net.run(() -> a.walkTo(bn.wan()));
      net.advance(Duration.ofSeconds(31));
      assertEquals(1, b.storedPeers(a.myPeer().mid()).size(), "store_peer ran at 30 s");
      assertEquals(1, a.storingUs().size());
      // ping_all keeps A pinging B, which keeps A stored.
      net.advance(Duration.ofSeconds(120));
      assertEquals(1, b.storedPeers(a.myPeer().mid()).size());
      long pings =
          net.internet().sent().stream()
              .filter(s -> s.from().equals(an.wan()) && Packets.messageId(s.data()) == 1)
              .count();
      assertTrue(pings >= 4, "A pings the node that stores it at least every 25 s: " + pings);
      an.endpoint().close().subscribe();
      net.advance(Duration.ofSeconds(80));
      assertEquals(0, b.storedPeers(a.myPeer().mid()).size(), "silent for 60 s: forgotten");
    }
  }

  @Test
  void aBucketUnchangedFor15MinutesIsRefreshedByALookup() {
    try (TestNetwork net = TestNetwork.create(8)) {
      TestNode an = net.node();
      TestNode bn = net.node();
      DHTCommunity a = an.add(DHTCommunity::new);
      bn.add(DHTCommunity::new);
      net.run(() -> a.walkTo(bn.wan()));
      net.advance(Duration.ofSeconds(1));
      net.internet().clearLog();
      net.advance(Duration.ofMinutes(14));
      assertTrue(findsFrom(net, an).isEmpty(), "nothing to refresh yet");
      net.advance(Duration.ofMinutes(2));
      assertFalse(findsFrom(net, an).isEmpty(), "node maintenance looked up a random id");
    }
  }

  @Test
  void valuesOneByteOverTheLimitAreRefusedBeforeAnyCrawl() {
    try (TestNetwork net = TestNetwork.create(9)) {
      DHTCommunity a = net.node().add(DHTCommunity::new);
      com.fasterxml.jackson.databind.JsonNode tooBig =
          DhtVectorsTest.DHT.get("values").get("too_big");
      List<Throwable> errors = new java.util.ArrayList<>();
      int signedData = tooBig.get("signed-one-byte-too-long").get("data_length").asInt();
      int unsignedData = tooBig.get("unsigned-one-byte-too-long").get("data_length").asInt();
      a.storeValue(new byte[20], new byte[signedData], true).subscribe(x -> {}, errors::add);
      a.storeValue(new byte[20], new byte[unsignedData], false).subscribe(x -> {}, errors::add);
      a.storeValue(new byte[20], new byte[unsignedData - 1], false).subscribe(x -> {}, errors::add);
      net.advance();
      assertEquals(3, errors.size());
      assertTrue(
          errors.get(0).getMessage().contains("value too long: 171 bytes"),
          errors.get(0).getMessage());
      assertTrue(
          errors.get(1).getMessage().contains("value too long: 171 bytes"),
          errors.get(1).getMessage());
      assertTrue(
          errors.get(2).getMessage().contains("no nodes in the routing table"),
          "170 bytes is allowed, then there is nobody to ask: " + errors.get(2).getMessage());
    }
  }

  private static List<Sent> findsFrom(TestNetwork net, TestNode n) {
    return net.internet().sent().stream()
        .filter(s -> s.from().equals(n.wan()) && Packets.messageId(s.data()) == 5)
        .toList();
  }
}
