package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.community.PrefixRouter;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/**
 * Floods a running node (interop community and DiscoveryCommunity on one memory endpoint) and
 * checks that memory stays flat: the used heap after a full GC is within {@value #HEAP_SLACK_MB} MB
 * of what it was before the flood, every datagram is accounted for, and the peer tables stay
 * bounded.
 *
 * <p>Defaults: 1,000,000 cheap datagrams from one address and 60,000 signed ones from 5,000 keys.
 * Larger runs: {@code -Djipv8.flood.single=N -Djipv8.flood.keyed=N -Djipv8.flood.keys=N}.
 */
class FloodTest {
  static final int HEAP_SLACK_MB = 8;
  private static final int BATCH = 1024;

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      memory.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long accounted(PrefixRouter router, TestNode node) {
    long n = router.drops().values().stream().mapToLong(Long::longValue).sum();
    for (Community c : node.communities()) {
      n += c.statistics().totalDrops();
      for (int id = 0; id < 256; id++) {
        n += c.statistics().handled(id);
      }
    }
    return n;
  }

  private record Node(TestNetwork net, TestNode b, PrefixRouter router, DiscoveryCommunity d)
      implements AutoCloseable {
    @Override
    public void close() {
      net.close();
    }
  }

  private static Node node() {
    TestNetwork net = TestNetwork.create(9);
    TestNode b = net.node();
    CountingCommunity custom = b.add(CountingCommunity::new);
    DiscoveryCommunity d = b.add(DiscoveryCommunity::new);
    return new Node(net, b, custom.settings().router(), d);
  }

  /** Injects {@code count} datagrams, cycling through {@code packets} and {@code sources}. */
  private static void flood(Node n, List<byte[]> packets, List<Address> sources, long count) {
    SplittableRandom random = new SplittableRandom(count);
    for (long i = 0; i < count; i++) {
      n.b()
          .endpoint()
          .inject(
              sources.get(random.nextInt(sources.size())),
              packets.get(random.nextInt(packets.size())));
      if ((i + 1) % BATCH == 0) {
        n.net().advance();
        n.net().internet().clearLog();
      }
    }
    n.net().advance();
    n.net().internet().clearLog();
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1048576.0);
  }

  @Test
  void aMillionDatagramsFromOneAddressLeaveTheHeapFlat() {
    long count = Long.getLong("jipv8.flood.single", 1_000_000L);
    try (Node n = node()) {
      PrivateKey k = Keys.generate(KeyType.CURVE25519);
      byte[] interop = InteropCommunity.ID.prefix();
      byte[] unsigned = Packets.encode(interop, new InteropCommunity.Unsigned("flood", 1), null, 1);
      byte[] signed = Packets.encode(interop, new InteropCommunity.Signed("flood", 1), k, 1);
      byte[] unknownPrefix = unsigned.clone();
      unknownPrefix[5] ^= 1;
      byte[] unknownId = unsigned.clone();
      unknownId[22] = 99;
      List<byte[]> mix = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        mix.add(unsigned);
      }
      for (int i = 0; i < 20; i++) {
        mix.add(unknownPrefix);
        mix.add(Arrays.copyOf(signed, 30 + i));
      }
      for (int i = 0; i < 18; i++) {
        mix.add(unknownId);
      }
      mix.add(signed);
      mix.add(new byte[3]);
      List<Address> one = List.of(Address.ipv4("127.0.9.1", 4000));

      flood(n, mix, one, 20_000); // warm-up: classes, JIT, counters
      long before = usedHeapAfterGc();
      long arrivedBefore = n.b().endpoint().statistics().packetsReceived();
      flood(n, mix, one, count);
      long after = usedHeapAfterGc();
      long arrived = n.b().endpoint().statistics().packetsReceived() - arrivedBefore;

      System.out.printf(
          "flood one address: %d datagrams, heap before %s after %s (delta %s)%n",
          arrived, mb(before), mb(after), mb(after - before));
      assertEquals(count, arrived);
      assertEquals(n.b().endpoint().statistics().packetsReceived(), accounted(n.router(), n.b()));
      assertTrue(
          after - before < HEAP_SLACK_MB * 1048576L,
          "heap grew by " + mb(after - before) + " (before " + mb(before) + ")");
    }
  }

  @Test
  void signedFloodsFromManyKeysLeaveTheHeapFlat() throws NoSuchAlgorithmException {
    long count = Long.getLong("jipv8.flood.keyed", 60_000L);
    int keys = Integer.getInteger("jipv8.flood.keys", 5_000);
    try (Node n = node()) {
      SecureRandom keyRandom = SecureRandom.getInstance("SHA1PRNG");
      keyRandom.setSeed(11);
      byte[] interop = InteropCommunity.ID.prefix();
      byte[] discovery = DiscoveryCommunity.COMMUNITY_ID.prefix();
      Address me = n.b().wan();
      List<byte[]> packets = new ArrayList<>();
      List<Address> sources = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        PrivateKey k = Keys.generate(KeyType.CURVE25519, keyRandom);
        Address src = Address.ipv4("127.4." + (i / 250) % 250 + "." + (1 + i % 250), 5000);
        sources.add(src);
        packets.add(Packets.encode(interop, new InteropCommunity.Signed("k", i), k, i + 1));
        packets.add(
            Packets.encode(
                discovery,
                new IntroductionRequestPayload(
                    me, src, src, new Bits(IntroductionRequestPayload.ADVICE), i, new byte[0]),
                k,
                i + 1));
      }
      flood(n, packets, sources, Math.min(count, 10_000));
      long before = usedHeapAfterGc();
      long arrivedBefore = n.b().endpoint().statistics().packetsReceived();
      flood(n, packets, sources, count);
      long after = usedHeapAfterGc();
      long arrived = n.b().endpoint().statistics().packetsReceived() - arrivedBefore;
      int verified = n.b().network().verifiedPeers().size();
      System.out.printf(
          "flood %d keys: %d datagrams, heap before %s after %s (delta %s), verified peers %d,"
              + " discovery peers %d%n",
          keys,
          arrived,
          mb(before),
          mb(after),
          mb(after - before),
          verified,
          n.d().getPeers().size());
      assertEquals(count, arrived);
      assertEquals(n.b().endpoint().statistics().packetsReceived(), accounted(n.router(), n.b()));
      assertTrue(
          after - before < HEAP_SLACK_MB * 1048576L,
          "heap grew by " + mb(after - before) + " (before " + mb(before) + ")");
    }
  }
}
