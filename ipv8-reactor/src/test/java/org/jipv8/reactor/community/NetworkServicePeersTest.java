package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.FakeKeys;
import org.junit.jupiter.api.Test;

/** The reverse service cache entry: py-ipv8's list order, O(1) moves and uniform picks. */
class NetworkServicePeersTest {

  private static Peer peer(int i) {
    return FakeKeys.peer(i, "10.0." + (i / 200) + "." + (i % 200 + 1), 1000 + i);
  }

  private static Peer ipv6Peer(int i) {
    return new Peer(FakeKeys.key(i), Address.ipv6("2001:db8::" + (i + 1), 2000 + i));
  }

  private static List<Peer> peers(int n) {
    List<Peer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(peer(i));
    }
    return out;
  }

  @Test
  void movesKeepTheListOrderThroughManySqueezes() {
    NetworkServicePeers entry = new NetworkServicePeers();
    List<Peer> model = new ArrayList<>();
    List<Peer> all = peers(40);
    SplittableRandom r = new SplittableRandom(7);
    for (int step = 0; step < 5_000; step++) {
      Peer p = all.get(r.nextInt(all.size()));
      model.remove(p);
      model.add(p);
      entry.moveToEnd(p);
      assertEquals(model.size(), entry.size());
    }
    assertEquals(model, entry.toList());
  }

  @Test
  void aMoveReplacesTheMemberByTheGivenObject() {
    NetworkServicePeers entry = new NetworkServicePeers();
    Peer first = peer(1);
    entry.moveToEnd(first);
    entry.moveToEnd(peer(2));
    Peer sameKey = FakeKeys.peer(1, "9.9.9.9", 9);
    entry.moveToEnd(sameKey);

    assertEquals(List.of(peer(2), sameKey), entry.toList());
    assertSame(sameKey, entry.toList().get(1));
  }

  @Test
  void retainMapsDropsAndDeduplicatesInOrderAndCleans() {
    NetworkServicePeers entry = new NetworkServicePeers();
    peers(30).forEach(entry::moveToEnd);
    entry.markDirty();
    Peer replacement = FakeKeys.peer(4, "8.8.8.8", 8);

    entry.retain(
        p -> {
          int port = p.address().port() - 1000;
          if (port % 3 == 0) {
            return null;
          }
          return port == 4 ? replacement : p;
        });

    assertFalse(entry.isDirty());
    List<Peer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (i % 3 != 0) {
        expected.add(i == 4 ? replacement : peer(i));
      }
    }
    assertEquals(expected, entry.toList());
    assertSame(replacement, entry.toList().get(expected.indexOf(replacement)));
  }

  @Test
  void aPickNeverReturnsTheExcludedPeerAndIsNullWhenNothingQualifies() {
    NetworkServicePeers empty = new NetworkServicePeers();
    assertNull(empty.pick(new SplittableRandom(1), null, false));

    NetworkServicePeers one = new NetworkServicePeers();
    one.moveToEnd(peer(0));
    assertNull(one.pick(new SplittableRandom(1), FakeKeys.peer(0, "7.7.7.7", 7), false));
    assertEquals(peer(0), one.pick(new SplittableRandom(1), null, false));

    // Large and moved around, so picks draw slots; none is eligible, so the fallback answers.
    NetworkServicePeers v6 = new NetworkServicePeers();
    for (int i = 0; i < 100; i++) {
      v6.moveToEnd(ipv6Peer(i % 50));
    }
    assertNull(v6.pick(new SplittableRandom(2), null, true));
    assertEquals(50, v6.size());
    assertTrue(v6.pick(new SplittableRandom(2), null, false).address().isIpv6());
  }

  @Test
  void oldStylePicksOnlyIpv4PeersAndNeverTheExcluded() {
    NetworkServicePeers entry = new NetworkServicePeers();
    for (int i = 0; i < 200; i++) {
      entry.moveToEnd(i % 2 == 0 ? peer(i) : ipv6Peer(i));
    }
    Peer excluded = peer(10);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2_000; i++) {
      Peer p = entry.pick(r, excluded, true);
      assertFalse(p.address().isIpv6());
      assertNotEquals(excluded, p);
    }
  }

  @Test
  void picksAreUniformOverTheEligiblePeers() {
    int n = 64;
    NetworkServicePeers entry = new NetworkServicePeers();
    List<Peer> all = peers(n);
    SplittableRandom moves = new SplittableRandom(11);
    for (int i = 0; i < 1_000; i++) {
      entry.moveToEnd(all.get(moves.nextInt(n)));
    }
    Peer excluded = all.get(5);
    Map<Peer, Integer> counts = new HashMap<>();
    SplittableRandom r = new SplittableRandom(12);
    int draws = 63_000;
    for (int i = 0; i < draws; i++) {
      counts.merge(entry.pick(r, excluded, false), 1, Integer::sum);
    }
    assertEquals(n - 1, counts.size());
    assertFalse(counts.containsKey(excluded));
    // Expected 1000 each; a chi-square over 62 degrees of freedom stays far below 140 unless the
    // draw is biased (fixed seed: the test is deterministic).
    double chi = 0;
    for (int c : counts.values()) {
      chi += (c - 1000.0) * (c - 1000.0) / 1000.0;
    }
    assertTrue(chi < 140, "chi-square " + chi);
  }

  @Test
  void smallEntriesDrawExactlyLikeTheListChoiceTheyReplace() {
    NetworkServicePeers entry = new NetworkServicePeers();
    List<Peer> all = peers(NetworkServicePeers.SCAN_LIMIT - 4);
    all.forEach(entry::moveToEnd);
    Peer excluded = all.get(2);
    List<Peer> candidates = new ArrayList<>(all);
    candidates.remove(excluded);
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 100; i++) {
      assertSame(candidates.get(b.nextInt(candidates.size())), entry.pick(a, excluded, false));
    }
  }
}
