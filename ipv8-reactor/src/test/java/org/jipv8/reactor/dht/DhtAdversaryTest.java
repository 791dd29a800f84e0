package org.jipv8.reactor.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.dht.payload.FindRequestPayload;
import org.jipv8.reactor.dht.payload.FindResponsePayload;
import org.jipv8.reactor.dht.payload.StoreRequestPayload;
import org.jipv8.reactor.dht.payload.WireNode;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A crawl that meets a lying node (unsolicited, malformed and oversized responses, values that do
 * not verify, nodes that are not closer or unusable) ignores what it must and counts it; a flood of
 * store-requests stays bounded.
 */
class DhtAdversaryTest {
  static final byte[] PREFIX = DhtConstants.COMMUNITY_ID.prefix();

  private final TestNetwork net = TestNetwork.create(11);
  private final List<DHTCommunity> honest = new ArrayList<>();
  private DHTCommunity a;
  private TestNode liar;
  private PrivateKey liarKey;
  private final List<WireNode> liarNodes = new ArrayList<>();

  private static void know(DHTCommunity x, Address at, DHTCommunity y, long now) {
    x.routingTable(at).add(new Node(y.myPeer().publicKey(), at), now);
  }

  /** A and ten honest nodes that all know each other, and a liar only A knows. */
  private void setUp(byte[] target) {
    List<TestNode> honestNodes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TestNode n = net.node();
      honestNodes.add(n);
      honest.add(n.add(DHTCommunity::new));
    }
    TestNode an = net.node();
    a = an.add(DHTCommunity::new);
    liarKey = Keys.generate(KeyType.CURVE25519, seeded(99));
    liar = net.node(liarKey, Address.ipv4("127.0.1.99", 8099), Address.ipv4("127.0.2.99", 18099));
    liar.endpoint().receive().subscribe(this::lie);
    long now = net.now();
    for (int i = 0; i < honest.size(); i++) {
      for (int j = 0; j < honest.size(); j++) {
        if (i != j) {
          know(honest.get(i), honestNodes.get(j).wan(), honest.get(j), now);
        }
      }
      know(a, honestNodes.get(i).wan(), honest.get(i), now);
      know(honest.get(i), an.wan(), a, now);
    }
    a.routingTable(liar.wan()).add(new Node(liarKey.publicKey(), liar.wan()), now);
    // Nodes farther from the target than every honest one, then unusable ones, then too many.
    byte[] farthest = honest.get(0).myNodeId(an.wan());
    for (DHTCommunity h : honest) {
      byte[] id = h.myNodeId(an.wan());
      if (NodeIds.compareDistance(id, farthest, target) > 0) {
        farthest = id;
      }
    }
    SecureRandom r = seeded(5);
    for (int i = 0; liarNodes.size() < 6; i++) {
      PrivateKey k = Keys.generate(KeyType.CURVE25519, r);
      Address at = Address.ipv4("127.0.9." + (i % 250 + 1), 9000 + i);
      if (NodeIds.compareDistance(NodeIds.of(at, k.publicKey().mid()), farthest, target) > 0) {
        liarNodes.add(new WireNode(at, k.publicKey().toBin()));
      }
    }
    liarNodes.add(new WireNode(Address.ipv4("127.0.9.1", 0), liarKey.publicKey().toBin()));
    liarNodes.add(new WireNode(an.wan(), a.myPeer().publicKeyBin()));
    for (int i = 0; i < 6; i++) {
      liarNodes.add(new WireNode(Address.ipv4("127.0.8.1", 100 + i), liarKey.publicKey().toBin()));
    }
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private void lie(Datagram d) {
    if (Packets.messageId(d.data()) != 5) {
      return;
    }
    FindRequestPayload p = Packets.decode(d.data(), FindRequestPayload.class).payload();
    byte[] token = new byte[20];
    // 1: a response to a request nobody made
    send(d.source(), new FindResponsePayload(p.identifier() + 1, token, List.of(), List.of()));
    // 2: a malformed one (cut short)
    byte[] good = encode(new FindResponsePayload(p.identifier(), token, List.of(), liarNodes));
    liar.endpoint().send(d.source(), Arrays.copyOf(good, good.length - 70));
    // 3: the "answer": values that do not verify, or nodes that lead nowhere
    List<byte[]> values = new ArrayList<>();
    if (!p.forceNodes()) {
      byte[] forged =
          Vectors.hex(DhtVectorsTest.DHT.get("values").get("rejected").get(0).get("value_hex"));
      values.add(forged);
      values.add(new byte[] {7, 1, 2, 3});
    }
    send(d.source(), new FindResponsePayload(p.identifier(), token, values, liarNodes));
  }

  private byte[] encode(Record r) {
    return Packets.encode(PREFIX, r, liarKey, 0);
  }

  private void send(Address to, Record r) {
    liar.endpoint().send(to, encode(r));
  }

  private <T> List<T> collect(Flux<T> flux) {
    AtomicReference<List<T>> out = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    flux.collectList().subscribe(out::set, error::set);
    net.advance(java.time.Duration.ofSeconds(30));
    if (error.get() != null) {
      throw new AssertionError(error.get());
    }
    assertTrue(out.get() != null, "finished");
    return out.get();
  }

  @Test
  void findValuesIgnoresForgedValuesAndLyingResponses() {
    byte[] key = DhtValues.sha1("k".getBytes(StandardCharsets.UTF_8));
    setUp(key);
    net.advance();
    List<List<Node>> stored =
        collect(honest.get(0).storeValue(key, "real".getBytes(), true).flux());
    assertTrue(stored.get(0).size() >= 5, "stored on " + stored.get(0));

    List<DhtValue> found = collect(a.findValues(key));
    assertEquals(1, found.size(), "only the real value: " + found);
    assertArrayEquals("real".getBytes(), found.get(0).data());
    assertArrayEquals(honest.get(0).myPeer().publicKeyBin(), found.get(0).signer().toBin());
    DhtStatistics s = a.dhtStatistics();
    assertTrue(s.count(DhtDrop.INVALID_VALUE) >= 2, s.toString());
    assertTrue(
        a.statistics().drops(DropReason.NO_PENDING_REQUEST)
                + a.statistics().drops(DropReason.UNSOLICITED_RESPONSE)
            >= 1,
        a.statistics().toString());
    assertTrue(
        a.statistics().toString().contains(DropReason.TRUNCATED.name()), a.statistics().toString());
  }

  @Test
  void findNodesSkipsNodesThatAreNotCloserUnusableOrTooMany() {
    byte[] target = DhtValues.sha1("t".getBytes(StandardCharsets.UTF_8));
    setUp(target);
    net.advance();
    net.internet().clearLog();
    List<Node> nodes = collect(a.findNodes(target));
    assertTrue(nodes.size() >= 10, "the honest nodes and the liar: " + nodes.size());
    DhtStatistics s = a.dhtStatistics();
    assertEquals(6, s.count(DhtDrop.TOO_MANY_NODES), s.toString());
    assertTrue(s.count(DhtDrop.BAD_NODE) >= 2, s.toString());
    assertTrue(s.count(DhtDrop.NOT_CLOSER) >= 1, s.toString());
    for (Sent sent : net.internet().sent()) {
      assertTrue(!sent.to().host().startsWith("127.0.8."), "never contacts the nodes over 8");
    }
    for (Node n : nodes) {
      assertTrue(!Arrays.equals(n.publicKeyBin(), a.myPeer().publicKeyBin()), "never itself");
    }
  }

  @Test
  void aFloodOfStoreRequestsIsRateLimitedAndBounded() {
    TestNode an = net.node();
    a = an.add(DHTCommunity::new);
    PrivateKey sk = Keys.generate(KeyType.CURVE25519, seeded(3));
    TestNode sender =
        net.node(sk, Address.ipv4("127.0.1.77", 8077), Address.ipv4("127.0.2.77", 18077));
    AtomicReference<byte[]> token = new AtomicReference<>();
    List<Integer> answered = new ArrayList<>();
    sender
        .endpoint()
        .receive()
        .subscribe(
            d -> {
              int id = Packets.messageId(d.data());
              if (id == 6) {
                token.set(Packets.decode(d.data(), FindResponsePayload.class).payload().token());
              } else if (id == 4) {
                answered.add(id);
              }
            });
    byte[] k0 = new byte[20];
    sender
        .endpoint()
        .send(
            an.wan(),
            Packets.encode(PREFIX, new FindRequestPayload(1, sender.lan(), k0, 0, false), sk, 0));
    net.advance();
    assertTrue(token.get() != null);
    // One query used by the find-request; nine more store-requests pass in these 5 s.
    for (int i = 0; i < 200; i++) {
      byte[] target = DhtValues.sha1(new byte[] {(byte) i, (byte) (i >> 8)});
      List<byte[]> values = new ArrayList<>();
      for (int v = 0; v < 8; v++) {
        values.add(DhtValues.unsigned(new byte[] {(byte) i, (byte) v}));
      }
      sender
          .endpoint()
          .send(
              an.wan(),
              Packets.encode(
                  PREFIX, new StoreRequestPayload(i, token.get(), target, values), sk, 0));
    }
    net.advance();
    assertEquals(9, answered.size());
    assertEquals(191, a.dhtStatistics().count(DhtDrop.RATE_LIMITED));
    assertEquals(72, a.storedValueCount());
    // A store-request with a token a never gave is dropped.
    net.advance(java.time.Duration.ofSeconds(6));
    sender
        .endpoint()
        .send(
            an.wan(),
            Packets.encode(
                PREFIX,
                new StoreRequestPayload(
                    999, new byte[20], k0, List.of(DhtValues.unsigned(new byte[] {1}))),
                sk,
                0));
    net.advance();
    assertEquals(1, a.dhtStatistics().count(DhtDrop.BAD_TOKEN));
    assertEquals(72, a.storedValueCount());
  }

  @Test
  void storageStaysBoundedUnderManyKeys() {
    Storage storage = new Storage(4, 100);
    long now = 1_000_000;
    for (int i = 0; i < 20_000; i++) {
      byte[] key = DhtValues.sha1(new byte[] {(byte) (i % 300), (byte) (i / 300)});
      storage.put(key, DhtValues.unsigned(new byte[] {(byte) i}), null, 0, 60_000, now);
    }
    assertEquals(100, storage.keyCount());
    assertTrue(storage.valueCount() <= 400);
    // Expired values make room again.
    now += 120_000;
    assertTrue(storage.put(new byte[20], DhtValues.unsigned(new byte[] {1}), null, 0, 1000, now));
    assertEquals(1, storage.keyCount());
  }

  @Test
  void noMoreThanTenRequestsPerFiveSecondsGoToOneNode() {
    TestNode an = net.node();
    a = an.add(DHTCommunity::new);
    TestNode bn = net.node();
    DHTCommunity b = bn.add(DHTCommunity::new);
    Node bNode = new Node(b.myPeer().publicKey(), bn.wan());
    List<Throwable> errors = new ArrayList<>();
    List<Node> pongs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      a.ping(bNode).subscribe(pongs::add, errors::add);
    }
    net.advance();
    assertEquals(10, pongs.size());
    assertEquals(5, errors.size());
    assertTrue(errors.get(0).getMessage().contains("not sent"), errors.get(0).getMessage());
    assertEquals(5, a.dhtStatistics().count(DhtDrop.SEND_RATE_LIMITED));
    net.advance(java.time.Duration.ofSeconds(5));
    a.ping(bNode).subscribe(pongs::add, errors::add);
    net.advance();
    assertEquals(11, pongs.size());
  }
}
