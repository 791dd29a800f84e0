package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.peer.Peer;

/**
 * Address to the verified peers holding it in any slot, in the order they were verified: what a
 * scan of the {@link PeerTable} in that order would find, in O(1) for hits and misses. The table
 * adds and removes peers here and forwards every change of a stored peer's addresses ({@link
 * Peer.AddressWatcher}); each peer's indexed addresses are remembered, so a change is applied as
 * the difference between the old and the new address map.
 *
 * <p>Several peers at one address are rare (a NAT, a restarted node with a new key), so an entry
 * holds one {@code Slot}, or an array of them sorted by verification order.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class PeerAddressIndex {
  /** A stored peer, its place in verification order and the address map last indexed for it. */
  private static final class Slot {
    final Peer peer;
    final long order;
    Map<AddressKind, Address> indexed;

    Slot(Peer peer, long order) {
      this.peer = peer;
      this.order = order;
      this.indexed = peer.addresses();
    }
  }

  private final Map<Peer, Slot> slots = new IdentityHashMap<>();
  // Values: a Slot, or a Slot[] of at least two sorted by order.
  private final Map<Address, Object> holders = new HashMap<>();
  private long nextOrder;

  /** Indexes a newly stored peer object; it comes after every peer indexed so far. */
  void add(Peer peer) {
    Slot s = new Slot(peer, nextOrder++);
    slots.put(peer, s);
    for (Address a : s.indexed.values()) {
      insert(a, s);
    }
  }

  /** Forgets a stored peer object (absent ones are ignored). */
  void remove(Peer peer) {
    Slot s = slots.remove(peer);
    if (s != null) {
      for (Address a : s.indexed.values()) {
        delete(a, s);
      }
    }
  }

  /** The addresses of the stored object {@code peer} changed (other objects are ignored). */
  void changed(Peer peer) {
    Slot s = slots.get(peer);
    if (s == null) {
      return;
    }
    Map<AddressKind, Address> old = s.indexed;
    Map<AddressKind, Address> now = peer.addresses();
    if (old == now) {
      return;
    }
    // Address equality ignores the kind: one address may sit in two slots, so compare by value.
    for (Address a : old.values()) {
      if (!now.containsValue(a)) {
        delete(a, s);
      }
    }
    for (Address a : now.values()) {
      if (!old.containsValue(a)) {
        insert(a, s);
      }
    }
    s.indexed = now;
  }

  /** The first verified peer holding {@code address}, or null. */
  Peer first(Address address) {
    Object h = holders.get(address);
    if (h == null) {
      return null;
    }
    return h instanceof Slot s ? s.peer : ((Slot[]) h)[0].peer;
  }

  /** Every verified peer holding {@code address}, in verification order (a fresh list). */
  List<Peer> all(Address address) {
    Object h = holders.get(address);
    List<Peer> out = new ArrayList<>(2);
    if (h instanceof Slot s) {
      out.add(s.peer);
    } else if (h != null) {
      for (Slot s : (Slot[]) h) {
        out.add(s.peer);
      }
    }
    return out;
  }

  /** Number of indexed addresses (tests). */
  int addressCount() {
    return holders.size();
  }

  private void insert(Address a, Slot s) {
    Object h = holders.get(a);
    if (h == null) {
      holders.put(a, s);
    } else if (h instanceof Slot one) {
      if (one != s) {
        holders.put(a, one.order < s.order ? new Slot[] {one, s} : new Slot[] {s, one});
      }
    } else {
      Slot[] many = (Slot[]) h;
      int at = 0;
      while (at < many.length && many[at].order < s.order) {
        at++;
      }
      if (at < many.length && many[at] == s) {
        return;
      }
      Slot[] next = new Slot[many.length + 1];
      System.arraycopy(many, 0, next, 0, at);
      next[at] = s;
      System.arraycopy(many, at, next, at + 1, many.length - at);
      holders.put(a, next);
    }
  }

  private void delete(Address a, Slot s) {
    Object h = holders.get(a);
    if (h == s) {
      holders.remove(a);
    } else if (h instanceof Slot[] many) {
      int at = Arrays.asList(many).indexOf(s);
      if (at < 0) {
        return;
      }
      if (many.length == 2) {
        holders.put(a, many[1 - at]);
      } else {
        Slot[] next = new Slot[many.length - 1];
        System.arraycopy(many, 0, next, 0, at);
        System.arraycopy(many, at + 1, next, at, many.length - at - 1);
        holders.put(a, next);
      }
    }
  }
}
