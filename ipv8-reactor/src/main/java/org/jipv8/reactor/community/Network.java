package org.jipv8.reactor.community;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer bookkeeping shared by all communities of one node (py-ipv8's {@code Network}): verified
 * peers, walkable (introduced, unverified) addresses, per-peer services and the blacklist of
 * bootstrap servers. Semantics follow ../shared/spec/runtime.md section 3 exactly, with these
 * deliberate differences (Appendix A):
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
 * </ul>
 *
 * <p>Iteration orders are deterministic: verified peers and known addresses in insertion order.
 * Nothing here reads a clock.
 *
 * <p>Threading: all methods are safe to call from any thread; they share one internal lock.
 * Observers are notified synchronously, on the calling thread, while that lock is held (as in py):
 * they may call back into the network but must not block. Returned collections are snapshots the
 * caller may keep.
 */
public final class Network {
  private static final Logger log = LoggerFactory.getLogger(Network.class);

  /** Capacity of each of the three reverse caches, as in py-ipv8. */
  public static final int DEFAULT_REVERSE_CACHE_CAPACITY = 500;

  private static final int TYPE_IPV4 = 0x01;
  private static final int TYPE_DOMAIN = 0x02;
  private static final int TYPE_IPV6 = 0x03;

  private final Object lock = new Object();
  private final int cacheCapacity;

  private final Map<Address, KnownAddress> knownAddresses = new LinkedHashMap<>();
  private final Set<Peer> verifiedPeers = new LinkedHashSet<>();
  private final Map<Bin, Peer> verifiedByKey = new HashMap<>();
  private final List<Address> blacklist = new ArrayList<>();
  private final Set<Bin> blacklistMids = new LinkedHashSet<>();
  private final Map<Bin, Set<CommunityId>> servicesPerPeer = new HashMap<>();
  private final Map<CommunityId, Overlay> serviceOverlays = new LinkedHashMap<>();
  private final Map<Address, Peer> reverseIpCache = new LinkedHashMap<>();
  private final Map<Peer, List<Address>> reverseIntroCache = new LinkedHashMap<>();
  private final Map<CommunityId, List<Peer>> reverseServiceCache = new LinkedHashMap<>();
  private final Set<PeerObserver> observers = new LinkedHashSet<>();

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
    if (reverseCacheCapacity < 1) {
      throw new IllegalArgumentException(
          "reverseCacheCapacity must be at least 1, was " + reverseCacheCapacity);
    }
    this.cacheCapacity = reverseCacheCapacity;
  }

  /** What we know of an address that is not (necessarily) a verified peer. */
  private record KnownAddress(Bin introducedBy, CommunityId service, boolean newStyle) {
    static final KnownAddress ANONYMOUS = new KnownAddress(Bin.EMPTY, null, false);
  }

  /** Bytes with value equality, for map keys. */
  private record Bin(byte[] bytes) {
    static final Bin EMPTY = new Bin(new byte[0]);

    static Bin of(Peer peer) {
      return new Bin(peer.publicKeyBin());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bin other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bin[" + bytes.length + " bytes]";
    }
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
    Bin mid = new Bin(peer.mid());
    synchronized (lock) {
      if (blacklistMids.contains(mid)) {
        return;
      }
      Bin key = Bin.of(peer);
      Peer known = verifiedByKey.get(key);
      Collection<Address> addresses = peer.addresses().values();
      if (known != null) {
        // The stored object stays canonical; frozen or not, it learns the new addresses.
        if (known != peer) {
          addresses.forEach(known::putAddress);
        }
        return;
      }
      boolean anyKnown = addresses.stream().anyMatch(knownAddresses::containsKey);
      if (!anyKnown) {
        if (addresses.stream().anyMatch(blacklist::contains)) {
          return;
        }
        for (Address a : addresses) {
          knownAddresses.putIfAbsent(a, KnownAddress.ANONYMOUS);
        }
      }
      verifiedPeers.add(peer);
      verifiedByKey.put(key, peer);
      for (PeerObserver o : List.copyOf(observers)) {
        o.onPeerAdded(peer);
      }
    }
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
    synchronized (lock) {
      if (!blacklist.contains(address)) {
        KnownAddress current = knownAddresses.get(address);
        if (current == null || !verifiedByKey.containsKey(current.introducedBy())) {
          knownAddresses.put(address, new KnownAddress(Bin.of(introducer), service, newStyle));
          List<Address> intros = reverseIntroCache.get(introducer);
          if (intros != null && !intros.isEmpty()) {
            intros.add(address);
          } else {
            List<Address> fresh = new ArrayList<>();
            fresh.add(address);
            putBounded(reverseIntroCache, introducer, fresh);
          }
        }
      }
      addVerifiedPeer(introducer);
    }
  }

  /**
   * Adds {@code services} to the peer's service set (the peer need not be verified).
   *
   * <p>For every service already in the reverse service cache, the peer moves to the end of that
   * entry, as its stored object when it is verified.
   */
  public void discoverServices(Peer peer, Collection<CommunityId> services) {
    synchronized (lock) {
      Bin key = Bin.of(peer);
      servicesPerPeer.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(services);
      Peer canonical = verifiedByKey.getOrDefault(key, peer);
      for (CommunityId service : services) {
        List<Peer> cached = reverseServiceCache.get(service);
        if (cached != null) {
          cached.remove(peer);
          cached.add(canonical);
        }
      }
      for (PeerObserver o : List.copyOf(observers)) {
        o.onServicesDiscovered(canonical, services);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Queries

  /**
   * Verified peers serving {@code service}: the cached answer filtered to peers still verified and
   * still serving it, or a fresh scan on a cache miss. The entry becomes the newest in the cache.
   */
  public List<Peer> getPeersForService(CommunityId service) {
    synchronized (lock) {
      return List.copyOf(peersForService(service));
    }
  }

  private List<Peer> peersForService(CommunityId service) {
    List<Peer> cached = reverseServiceCache.remove(service);
    List<Peer> out = new ArrayList<>();
    if (cached == null) {
      for (Peer p : verifiedPeers) {
        if (servesLocked(p, service)) {
          out.add(p);
        }
      }
    } else {
      // Stored peers are the one object per key, so identity is equality here; a list search per
      // peer made every call quadratic (every introduction-request asks for the peers).
      Set<Peer> added = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Peer p : cached) {
        Peer stored = verifiedByKey.get(Bin.of(p));
        if (stored != null && servesLocked(stored, service) && added.add(stored)) {
          out.add(stored);
        }
      }
    }
    putBounded(reverseServiceCache, service, out);
    return out;
  }

  private boolean servesLocked(Peer peer, CommunityId service) {
    Set<CommunityId> s = servicesPerPeer.get(Bin.of(peer));
    return s != null && s.contains(service);
  }

  /** The services of a peer, verified or not (empty when unknown). */
  public Set<CommunityId> getServicesForPeer(Peer peer) {
    synchronized (lock) {
      Set<CommunityId> s = servicesPerPeer.get(Bin.of(peer));
      return s == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }
  }

  /**
   * Known, unverified addresses; with a service, only those introduced for it.
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
    synchronized (lock) {
      Collection<Peer> known = service != null ? peersForService(service) : verifiedPeers;
      Set<Address> taken = new LinkedHashSet<>();
      for (Peer p : known) {
        taken.addAll(p.addresses().values());
      }
      List<Address> out = new ArrayList<>();
      for (Map.Entry<Address, KnownAddress> e : knownAddresses.entrySet()) {
        Address a = e.getKey();
        if (taken.contains(a)) {
          continue;
        }
        if (service != null) {
          KnownAddress k = e.getValue();
          if (oldStyle && k.newStyle()) {
            continue;
          }
          Set<CommunityId> introducerServices = servicesPerPeer.get(k.introducedBy());
          boolean forService =
              service.equals(k.service())
                  || (introducerServices != null && introducerServices.contains(service));
          if (!forService) {
            continue;
          }
        }
        out.add(a);
      }
      return out;
    }
  }

  /** All walkable addresses, whatever the service. */
  public List<Address> getWalkableAddresses() {
    return getWalkableAddresses(null, false);
  }

  /**
   * The verified peer having {@code address} in any slot, or null. Served from the reverse IP cache
   * when the hit is still valid (the entry is then refreshed); otherwise the verified peers are
   * scanned and the first match is cached as the newest entry.
   */
  public Peer getVerifiedByAddress(Address address) {
    synchronized (lock) {
      Peer cached = reverseIpCache.remove(address);
      if (cached != null) {
        boolean valid =
            verifiedByKey.get(Bin.of(cached)) == cached
                && cached.addresses().containsValue(address);
        if (valid) {
          reverseIpCache.put(address, cached);
          return cached;
        }
      }
      for (Peer p : verifiedPeers) {
        if (p.addresses().containsValue(address)) {
          putBounded(reverseIpCache, address, p);
          return p;
        }
      }
      return null;
    }
  }

  /** The verified peer with that serialised public key, or null. */
  public Peer getVerifiedByPublicKeyBin(byte[] publicKeyBin) {
    synchronized (lock) {
      return verifiedByKey.get(new Bin(publicKeyBin.clone()));
    }
  }

  /**
   * Every address {@code peer} introduced (while it was recorded as the introducer). Reading does
   * not refresh the cache entry; a miss scans the known addresses and caches the answer as newest.
   */
  public List<Address> getIntroductionsFrom(Peer peer) {
    synchronized (lock) {
      List<Address> intros = reverseIntroCache.get(peer);
      if (intros == null) {
        Bin key = Bin.of(peer);
        intros = new ArrayList<>();
        for (Map.Entry<Address, KnownAddress> e : knownAddresses.entrySet()) {
          if (e.getValue().introducedBy().equals(key)) {
            intros.add(e.getKey());
          }
        }
        putBounded(reverseIntroCache, peer, intros);
      }
      return List.copyOf(intros);
    }
  }

  /** Whether the address is known and flagged new-style. */
  public boolean isNewStyle(Address address) {
    synchronized (lock) {
      KnownAddress k = knownAddresses.get(address);
      return k != null && k.newStyle();
    }
  }

  /** All verified peers (a snapshot, in the order they were added). */
  public List<Peer> verifiedPeers() {
    synchronized (lock) {
      return List.copyOf(verifiedPeers);
    }
  }

  /** Whether a peer with this peer's public key is verified. */
  public boolean isVerified(Peer peer) {
    synchronized (lock) {
      return verifiedByKey.containsKey(Bin.of(peer));
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Removing

  /**
   * Forgets an address and every verified peer using it in any slot, with their services and (fix
   * of py quirk A6) their public-key entries; observers hear of each removed peer. The removed
   * peers' other addresses stay known, as in py.
   */
  public void removeByAddress(Address address) {
    synchronized (lock) {
      knownAddresses.remove(address);
      List<Peer> removed = new ArrayList<>();
      for (Iterator<Peer> it = verifiedPeers.iterator(); it.hasNext(); ) {
        Peer p = it.next();
        if (p.addresses().containsValue(address)) {
          it.remove();
          Bin key = Bin.of(p);
          servicesPerPeer.remove(key);
          verifiedByKey.remove(key);
          removed.add(p);
        }
      }
      for (Peer p : removed) {
        notifyRemoved(p);
      }
    }
  }

  /**
   * Forgets a peer: the addresses in the given object's slots, its verification (observers hear of
   * it), its public-key entry and its services. The reverse caches filter lazily.
   */
  public void removePeer(Peer peer) {
    synchronized (lock) {
      for (Address a : peer.addresses().values()) {
        knownAddresses.remove(a);
      }
      Bin key = Bin.of(peer);
      Peer stored = verifiedByKey.remove(key);
      if (verifiedPeers.remove(peer)) {
        notifyRemoved(stored != null ? stored : peer);
      }
      servicesPerPeer.remove(key);
    }
  }

  private void notifyRemoved(Peer peer) {
    for (PeerObserver o : List.copyOf(observers)) {
      o.onPeerRemoved(peer);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Services, blacklists, observers

  /** Registers the local overlay that provides {@code service} (replacing an earlier one). */
  public void registerServiceProvider(CommunityId service, Overlay overlay) {
    synchronized (lock) {
      serviceOverlays.put(service, overlay);
    }
  }

  /** Local overlays by service id (a snapshot, in registration order). */
  public Map<CommunityId, Overlay> serviceOverlays() {
    synchronized (lock) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(serviceOverlays));
    }
  }

  /** Adds an address that must never become a peer (bootstrap servers); no duplicates. */
  public void addToBlacklist(Address address) {
    synchronized (lock) {
      if (!blacklist.contains(address)) {
        blacklist.add(address);
      }
    }
  }

  /** Whether the address is blacklisted (host and port compared, kind ignored). */
  public boolean isBlacklisted(Address address) {
    synchronized (lock) {
      return blacklist.contains(address);
    }
  }

  /** The blacklisted addresses (a snapshot, in the order they were added). */
  public List<Address> blacklist() {
    synchronized (lock) {
      return List.copyOf(blacklist);
    }
  }

  /** Adds a mid that must never become a peer (our own identities). */
  public void addBlacklistedMid(byte[] mid) {
    synchronized (lock) {
      blacklistMids.add(new Bin(mid.clone()));
    }
  }

  /** Whether the mid is blacklisted. */
  public boolean isBlacklistedMid(byte[] mid) {
    synchronized (lock) {
      return blacklistMids.contains(new Bin(mid));
    }
  }

  /**
   * Observes peers being added and removed. Called synchronously while the network's lock is held:
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

  /** Adds an observer (a second add of the same object is ignored); notified synchronously. */
  public void addPeerObserver(PeerObserver observer) {
    synchronized (lock) {
      observers.add(observer);
    }
  }

  /** Removes an observer (absent ones are ignored). */
  public void removePeerObserver(PeerObserver observer) {
    synchronized (lock) {
      observers.remove(observer);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Snapshot

  /**
   * The typed addresses ({@code 0x01} + 4 + port: 7 bytes; {@code 0x03} + 16 + port: 19 bytes;
   * {@code 0x02} + u16 length + name + port) of the preferred address of every verified peer whose
   * preferred address is not {@code 0.0.0.0:0}, concatenated.
   */
  public byte[] snapshot() {
    List<Peer> peers = verifiedPeers();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Peer p : peers) {
      Address a = p.address();
      if (!a.isNull()) {
        writeAddress(out, a);
      }
    }
    return out.toByteArray();
  }

  /**
   * Loads addresses from {@link #snapshot()} bytes as known addresses without an introducer,
   * service or new-style flag. Stops quietly (logged) at the first bad entry, keeping the entries
   * before it.
   */
  public void loadSnapshot(byte[] snapshot) {
    synchronized (lock) {
      int offset = 0;
      while (offset < snapshot.length) {
        int[] next = new int[1];
        Address a = readAddress(snapshot, offset, next);
        if (a == null) {
          log.warn(
              "snapshot entry at offset {} of {} is malformed; keeping the entries before it",
              offset,
              snapshot.length);
          return;
        }
        knownAddresses.put(a, KnownAddress.ANONYMOUS);
        offset = next[0];
      }
    }
  }

  private static void writeAddress(ByteArrayOutputStream out, Address a) {
    if (a.isIpv4()) {
      out.write(TYPE_IPV4);
      out.writeBytes(a.toInetSocketAddress().getAddress().getAddress());
    } else if (a.isIpv6()) {
      out.write(TYPE_IPV6);
      byte[] ip = a.toInetSocketAddress().getAddress().getAddress();
      if (ip.length == 4) {
        // Java collapses ::ffff:a.b.c.d to an IPv4 address; the wire keeps the mapped IPv6 form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ip, 0, mapped, 12, 4);
        ip = mapped;
      }
      out.writeBytes(ip);
    } else {
      byte[] name = a.host().getBytes(StandardCharsets.UTF_8);
      out.write(TYPE_DOMAIN);
      out.write(name.length >>> 8);
      out.write(name.length);
      out.writeBytes(name);
    }
    out.write(a.port() >>> 8);
    out.write(a.port());
  }

  /** Parses one typed address; null when malformed. {@code next[0]} receives the next offset. */
  private static Address readAddress(byte[] b, int offset, int[] next) {
    int type = b[offset] & 0xff;
    int p = offset + 1;
    String host;
    AddressKind kind;
    switch (type) {
      case TYPE_IPV4 -> {
        if (p + 6 > b.length) {
          return null;
        }
        host =
            (b[p] & 0xff)
                + "."
                + (b[p + 1] & 0xff)
                + "."
                + (b[p + 2] & 0xff)
                + "."
                + (b[p + 3] & 0xff);
        kind = AddressKind.UDPV4;
        p += 4;
      }
      case TYPE_IPV6 -> {
        if (p + 18 > b.length) {
          return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
          if (i > 0) {
            sb.append(':');
          }
          sb.append(Integer.toHexString(((b[p + 2 * i] & 0xff) << 8) | (b[p + 2 * i + 1] & 0xff)));
        }
        host = sb.toString();
        kind = AddressKind.UDPV6;
        p += 16;
      }
      case TYPE_DOMAIN -> {
        if (p + 2 > b.length) {
          return null;
        }
        int n = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2;
        if (p + n + 2 > b.length) {
          return null;
        }
        host = new String(b, p, n, StandardCharsets.UTF_8);
        kind = AddressKind.DOMAIN;
        p += n;
      }
      default -> {
        return null;
      }
    }
    int port = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    next[0] = p + 2;
    try {
      return new Address(host, port, kind);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Cache plumbing

  /** Inserts as the newest entry (an existing key keeps its place) and evicts the oldest. */
  private <K, V> void putBounded(Map<K, V> cache, K key, V value) {
    cache.put(key, value);
    if (cache.size() > cacheCapacity) {
      Iterator<K> it = cache.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  /** Keys of the reverse IP cache, oldest first (tests check the LRU order). */
  List<Address> reverseIpCacheOrder() {
    synchronized (lock) {
      return List.copyOf(reverseIpCache.keySet());
    }
  }

  /** Keys of the reverse introduction cache, oldest first. */
  List<Peer> reverseIntroCacheOrder() {
    synchronized (lock) {
      return List.copyOf(reverseIntroCache.keySet());
    }
  }

  /** Keys of the reverse service cache, oldest first. */
  List<CommunityId> reverseServiceCacheOrder() {
    synchronized (lock) {
      return List.copyOf(reverseServiceCache.keySet());
    }
  }

  /** The cached peers of a service without touching the cache, or null. */
  List<Peer> reverseServiceCacheEntry(CommunityId service) {
    synchronized (lock) {
      List<Peer> l = reverseServiceCache.get(service);
      return l == null ? null : List.copyOf(l);
    }
  }
}
