package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;

/**
 * py-ipv8's three reverse caches, each a bounded {@link NetworkCache}: address to verified peer,
 * introducer to the addresses it introduced, service to its verified peers. They only speed up
 * answers the peer table, services and addresses could give by a scan; a stale hit is filtered or
 * dropped, never returned.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class NetworkReverseCaches {
  private final PeerTable table;
  private final NetworkServices services;
  private final WalkableAddresses addresses;
  final NetworkCache<Address, Peer> byAddress;
  final NetworkCache<Peer, List<Address>> introductions;
  final NetworkCache<CommunityId, List<Peer>> byService;

  NetworkReverseCaches(
      int capacity, PeerTable table, NetworkServices services, WalkableAddresses addresses) {
    this.table = table;
    this.services = services;
    this.addresses = addresses;
    this.byAddress = new NetworkCache<>(capacity);
    this.introductions = new NetworkCache<>(capacity);
    this.byService = new NetworkCache<>(capacity);
  }

  /** {@code introducer} was recorded as the introducer of {@code address}. */
  void introduced(Peer introducer, Address address) {
    List<Address> intros = introductions.get(introducer);
    if (intros != null && !intros.isEmpty()) {
      intros.add(address);
    } else {
      List<Address> fresh = new ArrayList<>();
      fresh.add(address);
      introductions.put(introducer, fresh);
    }
  }

  /** The peer's services grew: it moves to the end of each cached entry, as {@code canonical}. */
  void servicesDiscovered(Peer peer, Peer canonical, Iterable<CommunityId> discovered) {
    for (CommunityId service : discovered) {
      List<Peer> cached = byService.get(service);
      if (cached != null) {
        cached.remove(peer);
        cached.add(canonical);
      }
    }
  }

  /** Verified peers serving {@code service}; the entry becomes the newest. */
  List<Peer> peersFor(CommunityId service) {
    List<Peer> cached = byService.remove(service);
    List<Peer> out = new ArrayList<>();
    if (cached == null) {
      for (Peer p : table.peers()) {
        if (serves(p, service)) {
          out.add(p);
        }
      }
    } else {
      // Stored peers are the one object per key, so identity is equality here; a list search per
      // peer made every call quadratic (every introduction-request asks for the peers).
      Set<Peer> added = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Peer p : cached) {
        Peer stored = table.get(NetworkKey.of(p));
        if (stored != null && serves(stored, service) && added.add(stored)) {
          out.add(stored);
        }
      }
    }
    byService.put(service, out);
    return out;
  }

  private boolean serves(Peer peer, CommunityId service) {
    Set<CommunityId> s = services.of(NetworkKey.of(peer));
    return s != null && s.contains(service);
  }

  /** The verified peer holding {@code address}; a valid hit is refreshed, a miss scans. */
  Peer verifiedAt(Address address) {
    Peer cached = byAddress.remove(address);
    if (cached != null) {
      boolean valid =
          table.get(NetworkKey.of(cached)) == cached && cached.addresses().containsValue(address);
      if (valid) {
        byAddress.put(address, cached);
        return cached;
      }
    }
    Peer found = table.holding(address);
    if (found != null) {
      byAddress.put(address, found);
    }
    return found;
  }

  /** What {@code peer} introduced; reading does not refresh, a miss scans and caches. */
  List<Address> introductionsFrom(Peer peer) {
    List<Address> intros = introductions.get(peer);
    if (intros == null) {
      intros = addresses.introducedBy(NetworkKey.of(peer));
      introductions.put(peer, intros);
    }
    return intros;
  }
}
