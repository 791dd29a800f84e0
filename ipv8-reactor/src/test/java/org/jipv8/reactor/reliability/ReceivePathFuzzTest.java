package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunityStatistics;
import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.community.PrefixRouter;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.jipv8.reactor.testing.VectorIdentities;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the whole receive path of a running node (vector node B with the interop community and the
 * DiscoveryCommunity on one memory endpoint): random datagrams and mutations of every vector
 * packet, from many source addresses. Nothing may escape the endpoint, every input must end up
 * either handled or dropped under a reason (no datagram disappears), no handler may fail, and
 * afterwards the node must still be discovered and handle valid messages.
 *
 * <p>Bounded in CI ({@value #DEFAULT_INPUTS} inputs). The long run:
 *
 * <pre>
 * mvn -B -o test -pl ipv8-reactor -am -Dtest=ReceivePathFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djipv8.fuzz.inputs=10000000 -Djipv8.fuzz.seed=7
 * </pre>
 */
class ReceivePathFuzzTest {
  static final int DEFAULT_INPUTS = 100_000;
  private static final int BATCH = 256;
  private static final HexFormat HEX = HexFormat.of();

  private static long accounted(PrefixRouter router, TestNode node) {
    long n = 0;
    for (long v : router.drops().values()) {
      n += v;
    }
    for (Community c : node.communities()) {
      CommunityStatistics s = c.statistics();
      n += s.totalDrops();
      for (int id = 0; id < 256; id++) {
        n += s.handled(id);
      }
    }
    return n;
  }

  private static Map<DropReason, Long> dropsByReason(PrefixRouter router, TestNode node) {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    router.drops().forEach((r, v) -> out.merge(r, v, Long::sum));
    for (Community c : node.communities()) {
      c.statistics().drops().forEach((r, v) -> out.merge(r, v, Long::sum));
    }
    out.values().removeIf(v -> v == 0);
    return out;
  }

  @Test
  void mutatedAndRandomDatagramsAreAllAccountedForAndTheNodeCarriesOn() {
    int inputs = Integer.getInteger("jipv8.fuzz.inputs", DEFAULT_INPUTS);
    long seed = Long.getLong("jipv8.fuzz.seed", 20261201L);
    try (TestNetwork net = TestNetwork.create(seed)) {
      TestNode b = VectorIdentities.node(net, "B");
      CountingCommunity custom = b.add(CountingCommunity::new);
      DiscoveryCommunity discovery = b.add(DiscoveryCommunity::new);
      PrefixRouter router = custom.settings().router();
      Mutator mutator = new Mutator(seed, FuzzCorpus.seeds(), FuzzCorpus.prefixes());
      SplittableRandom sources = new SplittableRandom(seed ^ 0x5eed);

      long injected = 0;
      byte[] last = new byte[0];
      for (int i = 0; i < inputs; i++) {
        byte[] input = mutator.next();
        last = input;
        // Many senders, some of them reused, so that peers and per-address state build up.
        Address from =
            Address.ipv4(
                "127.3." + sources.nextInt(4) + "." + (1 + sources.nextInt(250)),
                1024 + sources.nextInt(64));
        try {
          b.endpoint().inject(from, input);
        } catch (RuntimeException | AssertionError e) {
          fail("input " + i + " (seed " + seed + ") escaped: " + HEX.formatHex(input), e);
        }
        injected++;
        if ((i + 1) % BATCH == 0 || i == inputs - 1) {
          net.advance();
          net.internet().clearLog();
          long seen = accounted(router, b);
          // What arrived: our inputs plus what the node sent itself (a puncture-request may name
          // the node's own address as the walker to puncture).
          long arrived = b.endpoint().statistics().packetsReceived();
          if (seen != arrived) {
            fail(
                "after input "
                    + i
                    + " (seed "
                    + seed
                    + "): "
                    + arrived
                    + " arrived but "
                    + seen
                    + " handled or dropped; last input "
                    + HEX.formatHex(last));
          }
        }
      }

      Map<DropReason, Long> drops = dropsByReason(router, b);
      long arrived = b.endpoint().statistics().packetsReceived();
      long handled = arrived - drops.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "fuzz: %d inputs (seed %d), %d arrived, %d handled, drops by reason %s, peers %d%n",
          injected, seed, arrived, handled, drops, discovery.getPeers().size());
      assertEquals(0, drops.getOrDefault(DropReason.HANDLER_ERROR, 0L), "no handler failed");
      assertEquals(0, drops.getOrDefault(DropReason.QUEUE_FULL, 0L), "the inbox kept up");
      assertTrue(drops.getOrDefault(DropReason.BAD_SIGNATURE, 0L) > 0, "signatures were tested");
      assertTrue(drops.getOrDefault(DropReason.TRUNCATED, 0L) > 0, "truncation was tested");
      assertTrue(handled > 0, "some inputs stayed valid and were handled");
      assertTrue(b.endpoint().isOpen(), "the endpoint is still open");

      // Afterwards: a new node discovers B and B handles its valid messages.
      TestNode c = net.node();
      CountingCommunity cc = c.add(CountingCommunity::new);
      DiscoveryCommunity cd = c.add(DiscoveryCommunity::new);
      net.run(() -> cd.walkTo(b.wan()));
      net.advance();
      assertTrue(
          cd.getPeers().stream().anyMatch(p -> p.publicKey().equals(b.myPeer().publicKey())),
          "the fuzzed node is still discovered");
      assertTrue(
          discovery.getPeers().stream().anyMatch(p -> p.publicKey().equals(c.myPeer().publicKey())),
          "the fuzzed node still adds new peers");
      long before = custom.signedReceived();
      net.run(() -> cc.sendNow(b.wan(), new InteropCommunity.Signed("after fuzzing", 1)));
      net.advance();
      assertEquals(before + 1, custom.signedReceived(), "a valid message is still handled");
      byte[] unsigned =
          Packets.encode(custom.prefix(), new InteropCommunity.Unsigned("u", 2), null, 3);
      long beforeUnsigned = custom.unsignedReceived();
      b.endpoint().inject(c.wan(), unsigned);
      net.advance();
      assertEquals(beforeUnsigned + 1, custom.unsignedReceived());
    }
  }
}
