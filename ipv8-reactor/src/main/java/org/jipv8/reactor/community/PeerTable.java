package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;

/**
 * The verified peers of a node, in the order they were verified, by public key and by address
 * ({@link PeerAddressIndex}). The stored object of a key is canonical: later sightings merge their
 * addresses into it. The table watches the addresses of the objects it stores, so the address index
 * stays exact whoever changes them.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it (a
 * stored peer's addresses change only there, once confined).
 */
final class PeerTable implements Peer.AddressWatcher {
  // Peer equality is public-key equality (hashed by mid), so this finds the stored object of any
  // peer object without copying its key; the values are in verification order.
  private final Map<Peer, Peer> peers = new LinkedHashMap<>();
  private final Map<NetworkKey, Peer> byKey = new HashMap<>();
  private final PeerAddressIndex byAddress = new PeerAddressIndex();

  Peer get(NetworkKey key) {
    return byKey.get(key);
  }

  /** The stored object with {@code peer}'s public key, or null. */
  Peer get(Peer peer) {
    return peers.get(peer);
  }

  boolean contains(NetworkKey key) {
    return byKey.containsKey(key);
  }

  Collection<Peer> peers() {
    return peers.values();
  }

  int size() {
    return peers.size();
  }

  void add(Peer peer) {
    peers.put(peer, peer);
    byKey.put(NetworkKey.of(peer), peer);
    byAddress.add(peer);
    peer.watchAddresses(this);
  }

  @Override
  public void addressesChanged(Peer peer) {
    byAddress.changed(peer);
  }

  /** Removes the peer with {@code peer}'s key; the stored object, or null when it had none. */
  Peer remove(Peer peer) {
    Peer stored = byKey.remove(NetworkKey.of(peer));
    boolean was = peers.remove(peer) != null;
    if (stored != null) {
      forget(stored);
    }
    return was ? (stored != null ? stored : peer) : null;
  }

  /** Removes every peer holding {@code address} in any slot; the removed peers, in order. */
  List<Peer> removeHolding(Address address) {
    List<Peer> removed = byAddress.all(address);
    for (Peer p : removed) {
      peers.remove(p);
      byKey.remove(NetworkKey.of(p));
      forget(p);
    }
    return removed;
  }

  private void forget(Peer stored) {
    stored.unwatchAddresses(this);
    byAddress.remove(stored);
  }

  /**
   * The first verified peer (in verification order) holding {@code address} in any slot, or null.
   */
  Peer holding(Address address) {
    return byAddress.first(address);
  }

  /** Number of distinct addresses the verified peers hold (tests). */
  int indexedAddresses() {
    return byAddress.addressCount();
  }
}
