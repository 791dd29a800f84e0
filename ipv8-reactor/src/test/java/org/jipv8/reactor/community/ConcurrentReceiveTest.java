package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * With real threads (a single protocol thread, four verification threads), datagrams are verified
 * in parallel but handled one at a time on the protocol thread, in arrival order, whatever the runs
 * the endpoint read them in.
 */
class ConcurrentReceiveTest {
  private static final CommunityId ID =
      CommunityId.fromHex("abababababababababababababababababababab");
  private static final int COUNT = 400;

  @Message(id = 9)
  record Numbered(@Format("Q") long n) {}

  static final class Ordered extends Community {
    final List<Long> seen = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final CountDownLatch done = new CountDownLatch(COUNT);

    Ordered(CommunitySettings settings) {
      super(ID, settings);
      addHandler(
          Numbered.class,
          (peer, m) -> {
            seen.add(m.n());
            threads.add(Thread.currentThread().getName());
            done.countDown();
          });
    }
  }

  // Repeated: a reordering stage that withheld demand once stalled here about one run in thirty.
  @RepeatedTest(20)
  void handlersRunOnTheProtocolThreadInArrivalOrderWhileVerificationIsParallel()
      throws InterruptedException {
    Scheduler protocol = Schedulers.newSingle("test-protocol");
    Scheduler verification = Schedulers.newParallel("test-verify", 4);
    try {
      receiveInOrder(protocol, verification);
    } finally {
      protocol.dispose();
      verification.dispose();
    }
  }

  // A node's default on one processor: the protocol thread verifies too.
  @RepeatedTest(3)
  void aProtocolThreadThatAlsoVerifiesHandlesEveryRunInArrivalOrder() throws InterruptedException {
    Scheduler protocol = Schedulers.newSingle("test-protocol");
    try {
      receiveInOrder(protocol, protocol);
    } finally {
      protocol.dispose();
    }
  }

  private static void receiveInOrder(Scheduler protocol, Scheduler verification)
      throws InterruptedException {
    MemoryEndpoint endpoint =
        new MemoryInternet(Schedulers.immediate())
            .endpoint(Address.ipv4("127.0.0.1", 1), Address.ipv4("127.0.0.2", 2))
            .openNow();
    PrivateKey mine = Keys.generate(KeyType.CURVE25519);
    Ordered c =
        new Ordered(
            CommunitySettings.builder()
                .myPeer(Peer.own(mine, System::currentTimeMillis))
                .endpoint(endpoint)
                .protocolScheduler(protocol)
                .verificationScheduler(verification)
                .lanAddresses(LanAddressProvider.none())
                .build());
    c.start().block();
    PrivateKey sender = Keys.generate(KeyType.CURVE25519);
    byte[] prefix = c.prefix();
    Address from = Address.ipv4("127.0.0.9", 9);
    // In runs of 1 to MAX_BURST datagrams, as a socket reads them.
    int size = 1;
    for (long i = 0; i < COUNT; ) {
      List<byte[]> run = new java.util.ArrayList<>();
      for (int k = 0; k < size && i < COUNT; k++, i++) {
        run.add(Packets.encode(prefix, new Numbered(i), sender, i + 1));
      }
      endpoint.injectRun(from, run);
      size = size % org.jipv8.api.endpoint.Endpoint.MAX_BURST + 1;
    }
    assertTrue(c.done.await(30, TimeUnit.SECONDS), "all messages handled");
    for (int i = 0; i < COUNT; i++) {
      assertEquals(i, c.seen.get(i), "message " + i + " in arrival order");
    }
    assertEquals(1, c.threads.size(), c.threads.toString());
    assertTrue(c.threads.iterator().next().startsWith("test-protocol-"), c.threads.toString());
    assertEquals(0, c.statistics().drops(DropReason.QUEUE_FULL));
    c.unload().block();
  }
}
