package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.FakeKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address index of the peer table answers exactly what a scan of the verified peers in
 * verification order answers, whoever changes the peers' addresses: a differential run over random
 * adds, removals and address changes (fixed seeds), and the cases it is built for.
 */
class PeerAddressIndexTest {
  private static final int KEYS = 8;
  private static final int ADDRESSES = 6;

  private static Address address(int i) {
    // Two kinds on the same host and port are one address (equality ignores the kind).
    return i % 3 == 2 ? Address.lan("10.0.0." + i / 3, 7000) : Address.ipv4("10.0.0." + i, 7000);
  }

  private static Peer scan(PeerTable table, Address a) {
    for (Peer p : table.peers()) {
      if (p.addresses().containsValue(a)) {
        return p;
      }
    }
    return null;
  }

  private static List<Peer> scanAll(PeerTable table, Address a) {
    List<Peer> out = new ArrayList<>();
    for (Peer p : table.peers()) {
      if (p.addresses().containsValue(a)) {
        out.add(p);
      }
    }
    return out;
  }

  private static void assertAgrees(PeerTable table, String step) {
    long distinct =
        table.peers().stream().flatMap(p -> p.addresses().values().stream()).distinct().count();
    assertEquals(distinct, table.indexedAddresses(), step + ": indexed addresses");
    for (int i = 0; i < ADDRESSES + 2; i++) {
      Address a = address(i);
      assertSame(scan(table, a), table.holding(a), step + ": holder of " + a);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void theIndexAgreesWithAScanOverRandomChanges(long seed) {
    Random r = new Random(seed);
    PeerTable table = new PeerTable();
    // Objects that are or were stored, and fresh ones with the same keys.
    List<Peer> seen = new ArrayList<>();
    for (int step = 0; step < 3_000; step++) {
      int op = r.nextInt(7);
      String what = "seed " + seed + " step " + step + " op " + op;
      switch (op) {
        case 0, 1 -> {
          Peer p = new Peer(FakeKeys.key(r.nextInt(KEYS)), address(r.nextInt(ADDRESSES)));
          if (r.nextBoolean()) {
            p.putAddress(address(r.nextInt(ADDRESSES)));
          }
          seen.add(p);
          if (table.get(p) == null) {
            table.add(p);
          }
        }
        case 2, 3 -> {
          if (!seen.isEmpty()) {
            Peer p = seen.get(r.nextInt(seen.size()));
            Address a = address(r.nextInt(ADDRESSES + 2));
            if (r.nextInt(4) == 0) {
              p.freezeAddress(!p.isAddressFrozen());
            }
            if (r.nextBoolean()) {
              p.addAddress(a);
            } else {
              p.putAddress(a);
            }
          }
        }
        case 4 -> {
          if (!seen.isEmpty()) {
            Peer p = seen.get(r.nextInt(seen.size()));
            Peer stored = table.get(p);
            Peer removed = table.remove(p);
            assertSame(stored, removed, what);
          }
        }
        case 5 -> {
          Address a = address(r.nextInt(ADDRESSES));
          List<Peer> expected = scanAll(table, a);
          assertEquals(expected, table.removeHolding(a), what);
          for (Peer p : expected) {
            assertNull(table.get(p), what);
          }
        }
        default -> {
          // A removed object changes its addresses: the table must not see it any more.
          if (!seen.isEmpty()) {
            Peer p = seen.get(r.nextInt(seen.size()));
            if (table.get(p) != p) {
              p.putAddress(address(r.nextInt(ADDRESSES)));
            }
          }
        }
      }
      assertAgrees(table, what);
    }
  }

  @Test
  void severalPeersAtOneAddressAnswerTheFirstVerifiedWhateverOrderTheyGotIt() {
    PeerTable table = new PeerTable();
    Address shared = Address.ipv4("10.1.1.1", 1);
    Peer first = new Peer(FakeKeys.key(1), Address.ipv4("10.9.9.1", 1));
    Peer second = new Peer(FakeKeys.key(2), shared);
    Peer third = new Peer(FakeKeys.key(3), shared);
    table.add(first);
    table.add(second);
    table.add(third);
    assertSame(second, table.holding(shared));
    first.addAddress(shared);
    assertSame(first, table.holding(shared));
    assertEquals(List.of(first, second, third), table.removeHolding(shared));
    assertNull(table.holding(shared));
    assertEquals(0, table.indexedAddresses());
  }

  @Test
  void aStoredPeerMovingAwayIsNoLongerFoundAtItsOldAddress() {
    PeerTable table = new PeerTable();
    Address old = Address.ipv4("10.1.1.1", 1);
    Address moved = Address.ipv4("10.1.1.2", 2);
    Peer p = new Peer(FakeKeys.key(1), old);
    table.add(p);
    p.addAddress(moved);
    assertNull(table.holding(old));
    assertSame(p, table.holding(moved));
    table.remove(p);
    p.addAddress(old);
    assertNull(table.holding(old));
    assertNull(table.holding(moved));
  }

  @Test
  void theNetworkFindsAPeerAtAnAddressItLearntOutsideTheNetwork() {
    Network network = new Network();
    Peer p = new Peer(FakeKeys.key(1), Address.ipv4("10.1.1.1", 1));
    network.addVerifiedPeer(p);
    Address lan = Address.lan("192.168.1.5", 9);
    assertNull(network.getVerifiedByAddress(lan));
    p.addAddress(lan);
    assertSame(p, network.getVerifiedByAddress(lan));
    network.removeByAddress(lan);
    assertTrue(network.verifiedPeers().isEmpty());
    assertNull(network.getVerifiedByAddress(Address.ipv4("10.1.1.1", 1)));
  }

  /**
   * The former {@code getVerifiedByAddress}: the reverse IP cache (refresh on a hit, a stale hit
   * dropped) in front of a scan of the verified peers in verification order.
   */
  private static final class Reference {
    final Map<Address, Peer> cache = new LinkedHashMap<>();
    final int capacity;

    Reference(int capacity) {
      this.capacity = capacity;
    }

    Peer verifiedAt(Network network, Address a) {
      Peer cached = cache.remove(a);
      if (cached != null) {
        cache.put(a, cached);
        Peer stored = network.getVerifiedByPublicKeyBin(cached.publicKeyBin());
        if (stored == cached && cached.addresses().containsValue(a)) {
          return cached;
        }
        cache.remove(a);
      }
      for (Peer p : network.verifiedPeers()) {
        if (p.addresses().containsValue(a)) {
          cache.put(a, p);
          if (cache.size() > capacity) {
            cache.remove(cache.keySet().iterator().next());
          }
          return p;
        }
      }
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void theNetworkAnswersWhatTheCacheAndAScanAnsweredBefore(long seed) {
    Random r = new Random(seed);
    Network network = new Network(3);
    Reference reference = new Reference(3);
    int found = 0;
    for (int step = 0; step < 3_000; step++) {
      String what = "seed " + seed + " step " + step;
      Address a = address(r.nextInt(ADDRESSES + 2));
      switch (r.nextInt(6)) {
        case 0 ->
            network.addVerifiedPeer(
                new Peer(FakeKeys.key(r.nextInt(KEYS)), address(r.nextInt(ADDRESSES))));
        case 1 -> {
          Peer stored = network.getVerifiedByPublicKeyBin(FakeKeys.key(r.nextInt(KEYS)).toBin());
          if (stored != null) {
            stored.addAddress(a);
          }
        }
        case 2 -> {
          if (r.nextInt(3) == 0) {
            network.removePeer(new Peer(FakeKeys.key(r.nextInt(KEYS)), a));
          } else {
            network.removeByAddress(a);
          }
        }
        default -> {
          Peer expected = reference.verifiedAt(network, a);
          assertSame(expected, network.getVerifiedByAddress(a), what);
          found += expected != null ? 1 : 0;
        }
      }
      assertEquals(List.copyOf(reference.cache.keySet()), network.reverseIpCacheOrder(), what);
    }
    // The run must find verified peers, not only miss.
    assertTrue(found > 100, "found " + found);
  }
}
