package org.jipv8.reactor.community;

import java.util.ArrayList;
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
  final NetworkCache<CommunityId, NetworkServicePeers> byService;

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

  /**
   * The peer's services grew: it moves to the end of each cached entry, as {@code canonical} (its
   * stored object, or itself when {@code verified} is false: the entry then holds a member a read
   * must filter out).
   */
  void servicesDiscovered(Peer canonical, boolean verified, Iterable<CommunityId> discovered) {
    for (CommunityId service : discovered) {
      NetworkServicePeers cached = byService.get(service);
      if (cached != null) {
        cached.moveToEnd(canonical);
        if (!verified) {
          cached.markDirty();
        }
      }
    }
  }

  /** Verified peers may have gone, or lost their services: every entry must be filtered. */
  void peersRemoved() {
    for (NetworkServicePeers cached : byService.values()) {
      cached.markDirty();
    }
  }

  /**
   * Verified peers serving {@code service}, as their stored objects; the entry becomes the newest.
   * The answer is the cache entry itself (the caller copies what it keeps): a miss scans the
   * verified peers, a dirty hit is filtered, a clean hit is returned as it is.
   */
  NetworkServicePeers peersFor(CommunityId service) {
    NetworkServicePeers cached = byService.refresh(service);
    if (cached == null) {
      cached = new NetworkServicePeers();
      for (Peer p : table.peers()) {
        if (serves(p, service)) {
          cached.moveToEnd(p);
        }
      }
      byService.put(service, cached);
    } else if (cached.isDirty()) {
      cached.retain(
          p -> {
            Peer stored = table.get(p);
            return stored != null && serves(stored, service) ? stored : null;
          });
    }
    return cached;
  }

  private boolean serves(Peer peer, CommunityId service) {
    Set<CommunityId> s = services.of(NetworkKey.of(peer));
    return s != null && s.contains(service);
  }

  /** The verified peer holding {@code address}; a valid hit is refreshed, a miss scans. */
  Peer verifiedAt(Address address) {
    Peer cached = byAddress.refresh(address);
    if (cached != null) {
      if (table.get(cached) == cached && cached.addresses().containsValue(address)) {
        return cached;
      }
      byAddress.remove(address);
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
