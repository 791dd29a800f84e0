package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.ThreadConfinement;

/**
 * The peer bookkeeping shared by all communities of one node (py-ipv8's {@code Network}): verified
 * peers ({@code PeerTable}), known and walkable addresses ({@code WalkableAddresses}), per-peer
 * services and local providers ({@code NetworkServices}), the blacklists ({@link
 * NetworkBlacklist}), three bounded reverse caches ({@code NetworkReverseCaches}) and the snapshot
 * format ({@code NetworkSnapshotCodec}). Semantics follow ../shared/spec/runtime.md section 3
 * exactly, with these deliberate differences (Appendix A):
 *
 * <ul>
 *   <li>A6 fixed: {@link #removeByAddress} also forgets the removed peers' public keys, so a peer
 *       removed that way can be verified again later (py leaves a "ghost" in its key map that only
 *       {@link #removePeer} clears).
 *   <li>A7 fixed: a hit in the reverse IP cache is only returned while that very peer object is
 *       still verified and still holds the address; a stale hit is dropped and the peers are
 *       scanned again.
 *   <li>A8 not copied: {@link #getWalkableAddresses} has no side effect on the introducers' service
 *       sets (py adds the recorded service to them while answering the query).
 *   <li>{@link #getPeersForService} answers with the canonical stored peer objects.
 *   <li>Everything that grows with peers we do not know is bounded (py-ipv8 bounds only the reverse
 *       caches): known addresses and the service sets of unverified peers lose their oldest entry
 *       past {@code addressCapacity}, the blacklists refuse entries past it, and every eviction is
 *       counted in {@link #evictions()}.
 * </ul>
 *
 * <p>Iteration orders are deterministic: verified peers and known addresses in insertion order.
 * Nothing here reads a clock.
 *
 * <h2>Threading</h2>
 *
 * The state is confined to the node's protocol thread, without locks. Once {@linkplain #confineTo
 * confined}, every mutator asserts it runs there (and so do the peers it stores); before that
 * (plain unit tests) nothing is checked. Readers on any thread ({@link #verifiedPeers}, {@link
 * #isVerified}, {@link #getVerifiedByPublicKeyBin}, the blacklists, {@link #serviceOverlays},
 * {@link #snapshot}, and off the protocol thread also {@link #getPeersForService}, {@link
 * #getVerifiedByAddress} and {@link #getServicesForPeer}) are answered from an immutable {@link
 * NetworkView} the protocol thread publishes after each change, so they never block and never see a
 * half-made change; off the protocol thread they leave the reverse caches alone. The walkable
 * addresses and introductions are the walk's own state: protocol thread only. Observers are
 * notified synchronously on the protocol thread: they may call back into the network but must not
 * block. Returned collections are immutable snapshots the caller may keep.
 */
public final class Network {

  /** Capacity of each of the three reverse caches, as in py-ipv8. */
  public static final int DEFAULT_REVERSE_CACHE_CAPACITY = 500;

  /** Default bound of known addresses, of unverified peers' service sets and of each blacklist. */
  public static final int DEFAULT_ADDRESS_CAPACITY = 10_000;

  private final PeerTable table = new PeerTable();
  private final WalkableAddresses addresses;
  private final NetworkServices services;
  private final NetworkBlacklist blacklist;
  private final NetworkReverseCaches caches;
  private final NetworkObservers observers = new NetworkObservers();
  private volatile NetworkView view = NetworkView.EMPTY;
  private volatile ThreadConfinement confinement = ThreadConfinement.NONE;

  /** An empty network with reverse caches of {@value #DEFAULT_REVERSE_CACHE_CAPACITY} entries. */
  public Network() {
    this(DEFAULT_REVERSE_CACHE_CAPACITY);
  }

  /**
   * An empty network with smaller or larger reverse caches (tests use a capacity of 1).
   *
   * @throws IllegalArgumentException when the capacity is below 1
   */
  public Network(int reverseCacheCapacity) {
    this(reverseCacheCapacity, DEFAULT_ADDRESS_CAPACITY);
  }

  /**
   * An empty network with the given reverse-cache capacity and bound of unknown-peer state.
   *
   * @throws IllegalArgumentException when a capacity is below 1
   */
  public Network(int reverseCacheCapacity, int addressCapacity) {
    if (reverseCacheCapacity < 1) {
      throw new IllegalArgumentException(
          "reverseCacheCapacity must be at least 1, was " + reverseCacheCapacity);
    }
    if (addressCapacity < 1) {
      throw new IllegalArgumentException(
          "addressCapacity must be at least 1, was " + addressCapacity);
    }
    this.addresses = new WalkableAddresses(addressCapacity);
    this.services = new NetworkServices(addressCapacity);
    this.blacklist = new NetworkBlacklist(addressCapacity);
    this.caches = new NetworkReverseCaches(reverseCacheCapacity, table, services, addresses);
  }

  /**
   * Confines the network (and the peers it stores) to the node's protocol thread: from now on the
   * mutators assert they run where {@code owner} says. Call once the protocol thread is known.
   */
  public void confineTo(ThreadConfinement owner) {
    this.confinement = Objects.requireNonNull(owner, "owner");
    for (Peer p : view.peers()) {
      p.confineTo(owner);
    }
  }

  /** The confinement in force ({@link ThreadConfinement#NONE} until {@link #confineTo}). */
  public ThreadConfinement confinement() {
    return confinement;
  }

  private boolean offOwnerThread() {
    ThreadConfinement c = confinement;
    return c.isBound() && !c.isOwner();
  }

  private void publish() {
    view = NetworkView.of(table, services, blacklist);
  }

  // ----------------------------------------------------------------------------------------------
  // Adding

  /**
   * Adds a verified peer (or merges its addresses into the stored peer with the same key).
   *
   * <p>Ignored when the peer's mid is blacklisted, or when none of its addresses is known yet and
   * one of them is blacklisted. Observers hear of each newly added peer exactly once.
   */
  public void addVerifiedPeer(Peer peer) {
    assert confinement.check("Network.addVerifiedPeer");
    if (!blacklist.mids().isEmpty() && blacklist.containsMid(new NetworkKey(peer.mid()))) {
      return;
    }
    Peer known = table.get(peer);
    Collection<Address> all = peer.addresses().values();
    if (known != null) {
      // The stored object stays canonical; frozen or not, it learns the new addresses (one it
      // already holds in that slot is skipped: rewriting it would change nothing).
      if (known != peer) {
        Map<AddressKind, Address> held = known.addresses();
        for (Address a : all) {
          if (!a.equals(held.get(a.kind()))) {
            known.putAddress(a);
          }
        }
      }
      return;
    }
    if (all.stream().noneMatch(addresses::contains)) {
      if (all.stream().anyMatch(blacklist::contains)) {
        return;
      }
      all.forEach(addresses::putIfAbsent);
    }
    peer.confineTo(confinement);
    table.add(peer);
    publish();
    observers.added(peer);
  }

  /**
   * Records that {@code introducer} introduced {@code address} for {@code service} and verifies the
   * introducer.
   *
   * <p>A blacklisted address is never recorded. An address already known keeps its introducer,
   * unless that introducer is no longer a verified peer, in which case {@code introducer} adopts
   * it.
   *
   * @param service the community the introduction was for, or null
   */
  public void discoverAddress(
      Peer introducer, Address address, CommunityId service, boolean newStyle) {
    assert confinement.check("Network.discoverAddress");
    if (!blacklist.contains(address)) {
      WalkableAddresses.Known current = addresses.get(address);
      if (current == null || !table.contains(current.introducedBy())) {
        addresses.put(
            address, new WalkableAddresses.Known(NetworkKey.of(introducer), service, newStyle));
        caches.introduced(introducer, address);
      }
    }
    addVerifiedPeer(introducer);
  }

  /**
   * Adds {@code services} to the peer's service set (the peer need not be verified).
   *
   * <p>For every service already in the reverse service cache, the peer moves to the end of that
   * entry, as its stored object when it is verified.
   */
  public void discoverServices(Peer peer, Collection<CommunityId> services) {
    assert confinement.check("Network.discoverServices");
    Peer stored = table.get(peer);
    boolean changed =
        this.services.add(NetworkKey.of(peer), services, table::contains, table.size());
    Peer canonical = stored != null ? stored : peer;
    caches.servicesDiscovered(canonical, stored != null, services);
    if (changed && stored != null) {
      publish();
    }
    observers.servicesDiscovered(canonical, services);
  }

  // ----------------------------------------------------------------------------------------------
  // Queries

  /**
   * Verified peers serving {@code service}: the cached answer filtered to peers still verified and
   * still serving it, or a fresh scan on a cache miss. The entry becomes the newest in the cache.
   * Off the protocol thread: a scan of the published view, leaving the cache alone.
   */
  public List<Peer> getPeersForService(CommunityId service) {
    if (offOwnerThread()) {
      return view.peersFor(service);
    }
    return caches.peersFor(service).toList();
  }

  /**
   * {@code getPeersForService(service).size()}, with the same effect on the reverse service cache,
   * without copying the peers: O(1) expected on the protocol thread while no peer was removed.
   */
  int countPeersForService(CommunityId service) {
    if (offOwnerThread()) {
      return view.peersFor(service).size();
    }
    return caches.peersFor(service).size();
  }

  /**
   * A uniformly random peer of {@code getPeersForService(service)} (with the same effect on the
   * cache) other than {@code exclude} and, with {@code ipv4Only}, whose preferred address is IPv4;
   * null when there is none (py-ipv8's {@code get_peer_for_introduction}). O(1) expected on the
   * protocol thread while a fair share of the peers qualifies, without copying them.
   *
   * @param exclude a peer not to choose, or null
   */
  Peer randomPeerForService(
      CommunityId service, Peer exclude, boolean ipv4Only, RandomGenerator random) {
    if (offOwnerThread()) {
      NetworkServicePeers copy = new NetworkServicePeers();
      view.peersFor(service).forEach(copy::moveToEnd);
      return copy.pick(random, exclude, ipv4Only);
    }
    return caches.peersFor(service).pick(random, exclude, ipv4Only);
  }

  /**
   * The services of a peer, verified or not (empty when unknown). Off the protocol thread: those of
   * verified peers only.
   */
  public Set<CommunityId> getServicesForPeer(Peer peer) {
    Set<CommunityId> s =
        offOwnerThread()
            ? view.services().get(NetworkKey.of(peer))
            : services.of(NetworkKey.of(peer));
    // Both sources hold unmodifiable sets that are replaced, never changed: no copy needed.
    return s == null ? Set.of() : s;
  }

  /**
   * Known, unverified addresses; with a service, only those introduced for it. Protocol thread.
   *
   * <p>Without a service: every known address that is not an address of a verified peer. With a
   * service: every known address that is not an address of a verified peer of that service, and
   * whose introducer serves it or which was introduced for it. Addresses without an introducer
   * (loaded from a snapshot, or of peers added directly) are therefore never walkable for a
   * service.
   *
   * @param service the service filter, or null for all
   * @param oldStyle with a service, also drop addresses flagged new-style (ignored without one, as
   *     in py)
   */
  public List<Address> getWalkableAddresses(CommunityId service, boolean oldStyle) {
    assert confinement.check("Network.getWalkableAddresses");
    Collection<Peer> known = service != null ? caches.peersFor(service).toList() : table.peers();
    Set<Address> taken = new LinkedHashSet<>();
    for (Peer p : known) {
      taken.addAll(p.addresses().values());
    }
    return List.copyOf(addresses.walkable(taken, service, oldStyle, services::of));
  }

  /** All walkable addresses, whatever the service. Protocol thread. */
  public List<Address> getWalkableAddresses() {
    return getWalkableAddresses(null, false);
  }

  /**
   * The verified peer having {@code address} in any slot, or null. Served from the reverse IP cache
   * when the hit is still valid (the entry is then refreshed); otherwise the verified peers are
   * scanned and the first match is cached as the newest entry. Off the protocol thread: a scan of
   * the published view, leaving the cache alone.
   */
  public Peer getVerifiedByAddress(Address address) {
    if (offOwnerThread()) {
      for (Peer p : view.peers()) {
        if (p.addresses().containsValue(address)) {
          return p;
        }
      }
      return null;
    }
    return caches.verifiedAt(address);
  }

  /** The verified peer with that serialised public key, or null. Any thread. */
  public Peer getVerifiedByPublicKeyBin(byte[] publicKeyBin) {
    // A lookup key is not kept by the map, so the caller's array needs no copy.
    return view.byKey().get(new NetworkKey(publicKeyBin));
  }

  /**
   * Every address {@code peer} introduced (while it was recorded as the introducer). Reading does
   * not refresh the cache entry; a miss scans the known addresses and caches the answer as newest.
   * Protocol thread.
   */
  public List<Address> getIntroductionsFrom(Peer peer) {
    assert confinement.check("Network.getIntroductionsFrom");
    return List.copyOf(caches.introductionsFrom(peer));
  }

  /** Whether the address is known and flagged new-style. Protocol thread. */
  public boolean isNewStyle(Address address) {
    assert confinement.check("Network.isNewStyle");
    return addresses.isNewStyle(address);
  }

  /** All verified peers (a snapshot, in the order they were added). Any thread. */
  public List<Peer> verifiedPeers() {
    return view.peers();
  }

  /** Whether a peer with this peer's public key is verified. Any thread. */
  public boolean isVerified(Peer peer) {
    return view.byKey().containsKey(NetworkKey.of(peer));
  }

  /** What was evicted (or refused) so far to keep unknown-peer state bounded. Protocol thread. */
  public NetworkEvictions evictions() {
    return new NetworkEvictions(
        addresses.evicted(),
        services.evicted(),
        caches.byAddress.evicted(),
        caches.introductions.evicted(),
        caches.byService.evicted(),
        blacklist.refused());
  }

  // ----------------------------------------------------------------------------------------------
  // Removing

  /**
   * Forgets an address and every verified peer using it in any slot, with their services and (fix
   * of py quirk A6) their public-key entries; observers hear of each removed peer. The removed
   * peers' other addresses stay known, as in py.
   */
  public void removeByAddress(Address address) {
    assert confinement.check("Network.removeByAddress");
    addresses.remove(address);
    List<Peer> removed = table.removeHolding(address);
    for (Peer p : removed) {
      services.remove(NetworkKey.of(p));
    }
    if (!removed.isEmpty()) {
      caches.peersRemoved();
      publish();
    }
    for (Peer p : removed) {
      observers.removed(p);
    }
  }

  /**
   * Forgets a peer: the addresses in the given object's slots, its verification (observers hear of
   * it), its public-key entry and its services. The reverse caches filter lazily.
   */
  public void removePeer(Peer peer) {
    assert confinement.check("Network.removePeer");
    peer.addresses().values().forEach(addresses::remove);
    Peer removed = table.remove(peer);
    services.remove(NetworkKey.of(peer));
    caches.peersRemoved();
    publish();
    if (removed != null) {
      observers.removed(removed);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Services, blacklists, observers

  /** Registers the local overlay that provides {@code service} (replacing an earlier one). */
  public void registerServiceProvider(CommunityId service, Overlay overlay) {
    assert confinement.check("Network.registerServiceProvider");
    services.registerProvider(service, overlay);
    publish();
  }

  /** Local overlays by service id (a snapshot, in registration order). Any thread. */
  public Map<CommunityId, Overlay> serviceOverlays() {
    return view.providers();
  }

  /** Adds an address that must never become a peer (bootstrap servers); no duplicates. */
  public void addToBlacklist(Address address) {
    assert confinement.check("Network.addToBlacklist");
    if (blacklist.add(address)) {
      publish();
    }
  }

  /** Whether the address is blacklisted (host and port compared, kind ignored). Any thread. */
  public boolean isBlacklisted(Address address) {
    return view.blacklist().contains(address);
  }

  /** The blacklisted addresses (a snapshot, in the order they were added). Any thread. */
  public List<Address> blacklist() {
    return view.blacklist();
  }

  /** Adds a mid that must never become a peer (our own identities). */
  public void addBlacklistedMid(byte[] mid) {
    assert confinement.check("Network.addBlacklistedMid");
    if (blacklist.addMid(new NetworkKey(mid.clone()))) {
      publish();
    }
  }

  /** Whether the mid is blacklisted. Any thread. */
  public boolean isBlacklistedMid(byte[] mid) {
    return view.blacklistMids().contains(new NetworkKey(mid));
  }

  /**
   * Observes peers being added and removed. Called synchronously on the protocol thread:
   * implementations must be quick and must not block.
   */
  public interface PeerObserver {
    /** A peer became verified. */
    void onPeerAdded(Peer peer);

    /** A verified peer was removed. */
    void onPeerRemoved(Peer peer);

    /**
     * {@code services} were added to the service set of {@code peer} (the stored object when it is
     * verified; it need not be). Does nothing by default.
     */
    default void onServicesDiscovered(Peer peer, Collection<CommunityId> services) {}
  }

  /** Adds an observer (a second add of the same object is ignored). Any thread. */
  public void addPeerObserver(PeerObserver observer) {
    observers.add(observer);
  }

  /** Removes an observer (absent ones are ignored). Any thread. */
  public void removePeerObserver(PeerObserver observer) {
    observers.remove(observer);
  }

  // ----------------------------------------------------------------------------------------------
  // Snapshot

  /**
   * The typed addresses ({@code 0x01} + 4 + port: 7 bytes; {@code 0x03} + 16 + port: 19 bytes;
   * {@code 0x02} + u16 length + name + port) of the preferred address of every verified peer whose
   * preferred address is not {@code 0.0.0.0:0}, concatenated. Any thread.
   */
  public byte[] snapshot() {
    return NetworkSnapshotCodec.encode(view.peers().stream().map(Peer::address).toList());
  }

  /**
   * Loads addresses from {@link #snapshot()} bytes as known addresses without an introducer,
   * service or new-style flag. Stops quietly (logged) at the first bad entry, keeping the entries
   * before it.
   */
  public void loadSnapshot(byte[] snapshot) {
    assert confinement.check("Network.loadSnapshot");
    for (Address a : NetworkSnapshotCodec.decode(snapshot)) {
      addresses.put(a, WalkableAddresses.Known.ANONYMOUS);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Test hooks

  /** Keys of the reverse IP cache, oldest first (tests check the LRU order). */
  List<Address> reverseIpCacheOrder() {
    return caches.byAddress.keys();
  }

  /** Keys of the reverse introduction cache, oldest first. */
  List<Peer> reverseIntroCacheOrder() {
    return caches.introductions.keys();
  }

  /** Keys of the reverse service cache, oldest first. */
  List<CommunityId> reverseServiceCacheOrder() {
    return caches.byService.keys();
  }

  /** The cached peers of a service without touching the cache, or null. */
  List<Peer> reverseServiceCacheEntry(CommunityId service) {
    NetworkServicePeers l = caches.byService.get(service);
    return l == null ? null : l.toList();
  }
}
