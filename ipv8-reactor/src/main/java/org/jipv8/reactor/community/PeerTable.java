package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;

/**
 * The verified peers of a node, in the order they were verified, and by public key. The stored
 * object of a key is canonical: later sightings merge their addresses into it.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class PeerTable {
  // Peer equality is public-key equality (hashed by mid), so this finds the stored object of any
  // peer object without copying its key; the values are in verification order.
  private final Map<Peer, Peer> peers = new LinkedHashMap<>();
  private final Map<NetworkKey, Peer> byKey = new HashMap<>();

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
  }

  /** Removes the peer with {@code peer}'s key; the stored object, or null when it had none. */
  Peer remove(Peer peer) {
    Peer stored = byKey.remove(NetworkKey.of(peer));
    boolean was = peers.remove(peer) != null;
    return was ? (stored != null ? stored : peer) : null;
  }

  /** Removes every peer holding {@code address} in any slot; the removed peers, in order. */
  List<Peer> removeHolding(Address address) {
    List<Peer> removed = new ArrayList<>();
    for (Iterator<Peer> it = peers.values().iterator(); it.hasNext(); ) {
      Peer p = it.next();
      if (p.addresses().containsValue(address)) {
        it.remove();
        byKey.remove(NetworkKey.of(p));
        removed.add(p);
      }
    }
    return removed;
  }

  /** The first verified peer holding {@code address} in any slot, or null. */
  Peer holding(Address address) {
    for (Peer p : peers.values()) {
      if (p.addresses().containsValue(address)) {
        return p;
      }
    }
    return null;
  }
}
