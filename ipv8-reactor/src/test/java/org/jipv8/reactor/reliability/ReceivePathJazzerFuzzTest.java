package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the whole receive path of a running node: vector node B with
 * the interop community and the DiscoveryCommunity on one memory endpoint, as in {@link
 * ReceivePathFuzzTest}. The seeds are every packet of {@link FuzzCorpus}. Each input is injected
 * twice: as a datagram of its own, and as a patch of a vector packet it chooses (first byte: which
 * packet; next two bytes: where; the rest: the bytes written there, none meaning "truncate there").
 *
 * <p>After every input: nothing escaped the endpoint, every datagram that arrived was handled or
 * dropped under a {@link DropReason}, no handler failed, and a valid message from a well-behaved
 * sender is still handled. After the run a new node still discovers B and B handles its signed
 * message.
 *
 * <p>Tagged {@code jazzer}: {@code mvn verify} runs it in its own surefire fork in fuzzing mode
 * ({@code JAZZER_FUZZ=1}) for at most {@value #CI_EXECUTIONS} executions or {@value #CI_DURATION};
 * the generated corpus and any finding go to {@code ipv8-reactor/target/jazzer/}. Without {@code
 * JAZZER_FUZZ} (run from an IDE, say) it only replays the seeds. The long run, ten million
 * executions (libFuzzer flags given later override the bounds above):
 *
 * <pre>
 * mvn -B -o test -pl ipv8-reactor -am -Dtest=ReceivePathJazzerFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.internal.arg.0=fake_argv0 \
 *     -Djazzer.internal.arg.1=-runs=10000000 -Djazzer.internal.arg.2=-max_total_time=86400
 * </pre>
 */
@Tag("jazzer")
class ReceivePathJazzerFuzzTest {
  static final int CI_EXECUTIONS = 100_000;
  static final String CI_DURATION = "75s";
  private static final HexFormat HEX = HexFormat.of();
  private static final List<byte[]> SEEDS = FuzzCorpus.seeds();
  private static final Address GOOD_SENDER = Address.ipv4("127.4.0.1", 4000);

  private static Harness harness;

  /**
   * One node for the whole run: state (peers, per-address entries) builds up as on the internet.
   */
  private static final class Harness implements AutoCloseable {
    final TestNetwork net = TestNetwork.create(20261201L);
    final TestNode node = VectorIdentities.node(net, "B");
    final CountingCommunity custom = node.add(CountingCommunity::new);
    final DiscoveryCommunity discovery = node.add(DiscoveryCommunity::new);
    final PrefixRouter router = custom.settings().router();
    final byte[] valid =
        Packets.encode(custom.prefix(), new InteropCommunity.Unsigned("still here", 1), null, 1);
    long executions;

    long accounted() {
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

    long drops(DropReason reason) {
      long n = router.drops().getOrDefault(reason, 0L);
      for (Community c : node.communities()) {
        n += c.statistics().drops().getOrDefault(reason, 0L);
      }
      return n;
    }

    @Override
    public void close() {
      net.close();
    }
  }

  static Stream<byte[]> seeds() {
    return SEEDS.stream();
  }

  /** The vector packet {@code input} chooses, patched (or truncated) where it says. */
  static byte[] patch(byte[] input) {
    if (input.length == 0) {
      return SEEDS.get(0).clone();
    }
    byte[] packet = SEEDS.get(Byte.toUnsignedInt(input[0]) % SEEDS.size());
    if (input.length < 3) {
      return packet.clone();
    }
    int offset = (Byte.toUnsignedInt(input[1]) << 8 | Byte.toUnsignedInt(input[2]));
    offset %= packet.length + 1;
    int patchLength = input.length - 3;
    if (patchLength == 0) {
      return Arrays.copyOf(packet, offset);
    }
    byte[] out = Arrays.copyOf(packet, Math.max(packet.length, offset + patchLength));
    System.arraycopy(input, 3, out, offset, patchLength);
    return out;
  }

  private static Harness harness() {
    if (harness == null) {
      harness = new Harness();
    }
    return harness;
  }

  private static void inject(Harness h, Address from, byte[] datagram, String what) {
    try {
      h.node.endpoint().inject(from, datagram);
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(what + " escaped the endpoint: " + HEX.formatHex(datagram), e);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxExecutions = CI_EXECUTIONS, maxDuration = CI_DURATION)
  void everyDatagramIsAccountedForAndTheNodeCarriesOn(byte[] input) {
    Harness h = harness();
    long n = h.executions++;
    // A handful of senders, reused, so that per-address state is exercised too.
    Address from = Address.ipv4("127.3.0." + (1 + (int) (n % 200)), 1024 + (int) (n % 7));
    inject(h, from, input, "the input");
    byte[] patched = patch(input);
    inject(h, from, patched, "the patched vector packet");
    long handledBefore = h.custom.unsignedReceived();
    inject(h, GOOD_SENDER, h.valid, "a valid message");
    h.net.advance();
    h.net.internet().clearLog();

    long arrived = h.node.endpoint().statistics().packetsReceived();
    long seen = h.accounted();
    if (seen != arrived) {
      throw new AssertionError(
          arrived
              + " datagrams arrived but "
              + seen
              + " were handled or dropped; input "
              + HEX.formatHex(input)
              + ", patched "
              + HEX.formatHex(patched));
    }
    assertEquals(0, h.drops(DropReason.HANDLER_ERROR), "no handler failed");
    assertEquals(0, h.drops(DropReason.QUEUE_FULL), "the inbox kept up");
    assertEquals(handledBefore + 1, h.custom.unsignedReceived(), "a valid message is handled");
  }

  @AfterAll
  static void theFuzzedNodeIsStillDiscoveredAndHandlesSignedMessages() {
    Harness h = harness();
    try (h) {
      System.out.printf(
          "jazzer: %d executions, %d datagrams arrived, peers %d%n",
          h.executions,
          h.node.endpoint().statistics().packetsReceived(),
          h.discovery.getPeers().size());
      assertTrue(h.executions >= SEEDS.size(), "every seed was run");
      assertTrue(h.node.endpoint().isOpen(), "the endpoint is still open");
      TestNode c = h.net.node();
      CountingCommunity cc = c.add(CountingCommunity::new);
      DiscoveryCommunity cd = c.add(DiscoveryCommunity::new);
      h.net.run(() -> cd.walkTo(h.node.wan()));
      h.net.advance();
      assertTrue(
          cd.getPeers().stream().anyMatch(p -> p.publicKey().equals(h.node.myPeer().publicKey())),
          "the fuzzed node is still discovered");
      long before = h.custom.signedReceived();
      h.net.run(() -> cc.sendNow(h.node.wan(), new InteropCommunity.Signed("after fuzzing", 1)));
      h.net.advance();
      assertEquals(before + 1, h.custom.signedReceived(), "a signed message is still handled");
    } finally {
      harness = null;
    }
  }
}
