package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.ThreadConfinement;
import org.jipv8.reactor.discovery.FakeKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The network's state is confined to one protocol thread: mutators there, asserted once bound;
 * readers elsewhere get the published immutable view. And every unknown-peer structure is bounded.
 */
@Timeout(30)
class NetworkConfinementTest {
  private static final CommunityId SERVICE = new CommunityId(new byte[20]);

  private final ExecutorService protocol = Executors.newSingleThreadExecutor();
  private final Network network = new Network();
  private Thread protocolThread;

  @BeforeEach
  void bind() throws Exception {
    protocolThread = on(Thread::currentThread);
    network.confineTo(ThreadConfinement.toThread(protocolThread));
  }

  @AfterEach
  void stop() {
    protocol.shutdownNow();
  }

  private <T> T on(Callable<T> task) throws Exception {
    return protocol.submit(task).get(10, TimeUnit.SECONDS);
  }

  private static Peer peer(int i) {
    return FakeKeys.peer(i, "1.2.3." + (i + 1), 1000 + i);
  }

  @Test
  void mutatorsOffTheProtocolThreadFailNamingTheOperationAndTheThreads() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> network.addVerifiedPeer(peer(0)));
    assertTrue(e.getMessage().contains("Network.addVerifiedPeer"), e.getMessage());
    assertTrue(e.getMessage().contains(protocolThread.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(Thread.currentThread().getName()), e.getMessage());
    assertThrows(IllegalStateException.class, () -> network.getWalkableAddresses());
    assertThrows(
        IllegalStateException.class, () -> network.addToBlacklist(Address.ipv4("1.1.1.1", 1)));
    assertEquals(List.of(), network.verifiedPeers(), "nothing changed");
  }

  @Test
  void storedPeersAreConfinedWithTheNetwork() throws Exception {
    Peer stored = peer(0);
    on(
        () -> {
          network.addVerifiedPeer(stored);
          stored.putAddress(Address.ipv4("5.5.5.5", 5));
          return null;
        });

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> stored.putAddress(Address.ipv4("6.6.6.6", 6)));
    assertTrue(e.getMessage().contains("Peer.putAddress"), e.getMessage());
    assertTrue(stored.addresses().containsValue(Address.ipv4("5.5.5.5", 5)), "readers still read");
  }

  @Test
  void readersOffTheProtocolThreadSeeThePublishedViewAndLeaveTheCachesAlone() throws Exception {
    Peer a = peer(0);
    Peer b = peer(1);
    on(
        () -> {
          network.addVerifiedPeer(a);
          network.addVerifiedPeer(b);
          network.discoverServices(b, List.of(SERVICE));
          network.addToBlacklist(Address.ipv4("9.9.9.9", 9));
          return null;
        });

    assertEquals(List.of(a, b), network.verifiedPeers());
    assertEquals(List.of(b), network.getPeersForService(SERVICE));
    assertSame(b, network.getVerifiedByAddress(b.address()));
    assertSame(a, network.getVerifiedByPublicKeyBin(a.publicKeyBin()));
    assertTrue(network.isVerified(b));
    assertEquals(java.util.Set.of(SERVICE), network.getServicesForPeer(b));
    assertTrue(network.isBlacklisted(Address.ipv4("9.9.9.9", 9)));
    assertEquals(14, network.snapshot().length);
    assertEquals(1, network.countPeersForService(SERVICE));
    assertSame(
        b, network.randomPeerForService(SERVICE, a, true, new java.util.SplittableRandom(1)));
    assertNull(network.randomPeerForService(SERVICE, b, false, new java.util.SplittableRandom(1)));
    assertEquals(
        List.of(), on(network::reverseServiceCacheOrder), "off-thread reads cache nothing");
    assertEquals(List.of(), on(network::reverseIpCacheOrder));

    assertEquals(List.of(b), on(() -> network.getPeersForService(SERVICE)));
    assertEquals(List.of(SERVICE), on(network::reverseServiceCacheOrder), "on-thread reads cache");
  }

  @Test
  void aReaderKeepsItsSnapshotWhileTheProtocolThreadMovesOn() throws Exception {
    Peer a = peer(0);
    on(
        () -> {
          network.addVerifiedPeer(a);
          return null;
        });
    List<Peer> before = network.verifiedPeers();

    on(
        () -> {
          network.removePeer(a);
          return null;
        });

    assertEquals(List.of(a), before, "a snapshot never changes");
    assertEquals(List.of(), network.verifiedPeers());
    assertNull(network.getVerifiedByAddress(a.address()));
    assertFalse(network.isVerified(a));
  }

  @Test
  void anUnboundNetworkChecksNothing() throws ExecutionException, InterruptedException {
    Network plain = new Network();
    assertFalse(plain.confinement().isBound());
    plain.addVerifiedPeer(peer(0));
    protocol.submit(() -> plain.addVerifiedPeer(peer(1))).get();
    assertEquals(2, plain.verifiedPeers().size());
  }

  // ---------------------------------------------------------------------------------------------
  // bounds

  @Test
  void knownAddressesAreBoundedAndTheOldestAreEvictedAndCounted() {
    Network small = new Network(500, 3);
    Peer introducer = peer(0);
    for (int i = 1; i <= 5; i++) {
      small.discoverAddress(introducer, Address.ipv4("10.0.0." + i, 1), null, false);
    }

    // 10.0.0.1, then the introducer's own address, then 10.0.0.2 went, oldest first.
    assertEquals(3, small.evictions().walkableAddresses());
    assertEquals(
        List.of(
            Address.ipv4("10.0.0.3", 1), Address.ipv4("10.0.0.4", 1), Address.ipv4("10.0.0.5", 1)),
        small.getWalkableAddresses());
  }

  @Test
  void servicesOfUnverifiedPeersAreBoundedButThoseOfVerifiedPeersStay() {
    Network small = new Network(500, 2);
    Peer verified = peer(0);
    small.addVerifiedPeer(verified);
    small.discoverServices(verified, List.of(SERVICE));
    for (int i = 1; i <= 5; i++) {
      small.discoverServices(peer(i), List.of(SERVICE));
    }

    assertEquals(3, small.evictions().unverifiedServices());
    assertEquals(java.util.Set.of(SERVICE), small.getServicesForPeer(verified));
    assertEquals(java.util.Set.of(), small.getServicesForPeer(peer(1)), "the oldest went");
    assertEquals(java.util.Set.of(SERVICE), small.getServicesForPeer(peer(5)));
  }

  @Test
  void blacklistsRefuseEntriesPastTheirBoundAndCountThem() {
    Network small = new Network(500, 1);
    small.addToBlacklist(Address.ipv4("1.1.1.1", 1));
    small.addToBlacklist(Address.ipv4("2.2.2.2", 2));
    small.addBlacklistedMid(new byte[20]);
    small.addBlacklistedMid(new byte[] {1});

    assertEquals(List.of(Address.ipv4("1.1.1.1", 1)), small.blacklist());
    assertEquals(2, small.evictions().blacklist());
    assertEquals(2, small.evictions().total());
  }

  @Test
  void reverseCachesCountTheirEvictions() {
    Network small = new Network(1);
    small.addVerifiedPeer(peer(0));
    small.addVerifiedPeer(peer(1));
    small.getVerifiedByAddress(peer(0).address());
    small.getVerifiedByAddress(peer(1).address());

    assertEquals(1, small.evictions().reverseIpCache());
    assertThrows(IllegalArgumentException.class, () -> new Network(1, 0));
  }
}
