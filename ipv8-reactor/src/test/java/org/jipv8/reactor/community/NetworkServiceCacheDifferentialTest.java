package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.FakeKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random runs of the network's service operations against a plain model of py-ipv8's reverse
 * service cache (lists searched and copied on every call): same peers, same objects, same order,
 * same cache order, and picks only among the peers the list choice would have chosen from.
 */
class NetworkServiceCacheDifferentialTest {
  private static final int KEYS = 24;

  /** py-ipv8's services and reverse service cache, written the slow and obvious way. */
  private static final class Model {
    final int capacity;
    final Map<Peer, Peer> verified = new LinkedHashMap<>();
    final Map<Peer, Set<CommunityId>> services = new HashMap<>();
    final LinkedHashMap<CommunityId, List<Peer>> cache = new LinkedHashMap<>();

    Model(int capacity) {
      this.capacity = capacity;
    }

    void add(Peer p) {
      verified.putIfAbsent(p, p);
    }

    void discover(Peer p, CommunityId s) {
      services.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(s);
      List<Peer> cached = cache.get(s);
      if (cached != null) {
        cached.remove(p);
        cached.add(verified.getOrDefault(p, p));
      }
    }

    void remove(Peer p) {
      verified.remove(p);
      services.remove(p);
    }

    private boolean serves(Peer p, CommunityId s) {
      Set<CommunityId> set = services.get(p);
      return set != null && set.contains(s);
    }

    List<Peer> get(CommunityId s) {
      List<Peer> cached = cache.remove(s);
      List<Peer> out = new ArrayList<>();
      if (cached == null) {
        for (Peer p : verified.values()) {
          if (serves(p, s)) {
            out.add(p);
          }
        }
      } else {
        Set<Peer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Peer p : cached) {
          Peer stored = verified.get(p);
          if (stored != null && serves(stored, s) && seen.add(stored)) {
            out.add(stored);
          }
        }
      }
      cache.put(s, out);
      if (cache.size() > capacity) {
        Iterator<CommunityId> oldest = cache.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      return out;
    }
  }

  private static CommunityId service(int i) {
    byte[] b = new byte[20];
    b[0] = (byte) i;
    return new CommunityId(b);
  }

  private static Address address(int key) {
    return key % 5 == 0
        ? Address.ipv6("2001:db8::" + (key + 1), 3000 + key)
        : Address.ipv4("10.1.0." + (key + 1), 3000 + key);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void theNetworkAnswersAsTheListModelDoes(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 1 + seed % 3;
    Network network = new Network(capacity);
    Model model = new Model(capacity);
    List<CommunityId> services = List.of(service(1), service(2), service(3));
    // Two objects per key: the network must keep answering with the stored one.
    Peer[][] objects = new Peer[KEYS][2];
    for (int k = 0; k < KEYS; k++) {
      for (int o = 0; o < 2; o++) {
        objects[k][o] = new Peer(FakeKeys.key(k), address(k));
      }
    }
    for (int step = 0; step < 4_000; step++) {
      int k = r.nextInt(KEYS);
      Peer p = objects[k][r.nextInt(2)];
      CommunityId s = services.get(r.nextInt(services.size()));
      int op = r.nextInt(100);
      if (op < 30) {
        network.addVerifiedPeer(p);
        model.add(p);
      } else if (op < 70) {
        network.discoverServices(p, List.of(s));
        model.discover(p, s);
      } else if (op < 74) {
        network.removePeer(p);
        model.remove(p);
      } else if (op < 77) {
        network.removeByAddress(p.address());
        if (model.verified.containsKey(p)) {
          model.remove(p);
        }
      } else if (op < 88) {
        List<Peer> expected = model.get(s);
        List<Peer> actual = network.getPeersForService(s);
        assertEquals(expected.size(), actual.size(), "step " + step);
        for (int i = 0; i < expected.size(); i++) {
          assertSame(expected.get(i), actual.get(i), "step " + step + " index " + i);
        }
      } else if (op < 94) {
        assertEquals(model.get(s).size(), network.countPeersForService(s), "step " + step);
      } else {
        boolean ipv4Only = r.nextBoolean();
        List<Peer> candidates = new ArrayList<>();
        for (Peer c : model.get(s)) {
          if (!c.equals(p) && (!ipv4Only || c.address().kind() == AddressKind.UDPV4)) {
            candidates.add(c);
          }
        }
        Peer picked = network.randomPeerForService(s, p, ipv4Only, r);
        if (candidates.isEmpty()) {
          assertNull(picked, "step " + step);
        } else {
          assertTrue(candidates.stream().anyMatch(c -> c == picked), "step " + step);
          assertNotEquals(p, picked);
        }
      }
      assertEquals(List.copyOf(model.cache.keySet()), network.reverseServiceCacheOrder());
    }
  }
}
