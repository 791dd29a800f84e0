package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.peer.Peer;

/**
 * One entry of the reverse service cache: the peers of one service, at most one per public key, in
 * the order py-ipv8's cached list keeps them (a rediscovered peer moves to the end). Every
 * introduction-request appends or moves its sender and then asks for a random peer of the service,
 * so both are O(1) expected here instead of a list search and a copy per request.
 *
 * <p>The members sit in an array in order; a member that moves leaves a hole behind, and the holes
 * are squeezed out when the array is full and at least half of it is holes, so a uniformly drawn
 * slot is a member with probability at least about a quarter. An entry may be <em>dirty</em>: it
 * may then hold peers that are no longer verified, no longer the stored object of their key or no
 * longer serving the service, and the owner must filter it ({@link #retain}) before answering from
 * it.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class NetworkServicePeers {
  /** Up to this many used slots a pick scans them (cheaper than hashing, and exact draws). */
  static final int SCAN_LIMIT = 16;

  /** Slot draws before a pick falls back to a scan (e.g. when few members are eligible). */
  static final int MAX_DRAWS = 32;

  /** A member and where it sits; the same object follows the member when it moves. */
  private static final class Slot {
    Peer peer;
    int index;

    Slot(Peer peer) {
      this.peer = peer;
    }
  }

  // Keyed by peer equality (the public key), so lookups need no key copy.
  private final Map<Peer, Slot> positions = new HashMap<>();
  private Slot[] slots = new Slot[SCAN_LIMIT];
  private int end;
  private boolean dirty;

  /** How many members (peers) the entry holds. */
  int size() {
    return positions.size();
  }

  /** Whether the entry may hold stale members and must be filtered before it is read. */
  boolean isDirty() {
    return dirty;
  }

  /** Something may have made a member stale. */
  void markDirty() {
    dirty = true;
  }

  /**
   * Appends {@code canonical} as the newest member, first removing the member with the same key
   * (py-ipv8's {@code remove} and {@code append} on its cached list).
   */
  void moveToEnd(Peer canonical) {
    Slot s = positions.get(canonical);
    if (s == null) {
      s = new Slot(canonical);
      positions.put(canonical, s);
      append(s);
      return;
    }
    s.peer = canonical;
    if (s.index != end - 1) {
      slots[s.index] = null;
      append(s);
    }
  }

  private void append(Slot s) {
    if (end == slots.length) {
      int members = positions.size();
      if (members * 2 <= slots.length) {
        squeeze();
      } else {
        slots = Arrays.copyOf(slots, slots.length * 2);
      }
    }
    s.index = end;
    slots[end++] = s;
  }

  /** Moves the members to the front, in order (the slot being appended is not among them). */
  private void squeeze() {
    int to = 0;
    for (int from = 0; from < end; from++) {
      Slot s = slots[from];
      if (s != null) {
        s.index = to;
        slots[to++] = s;
      }
    }
    Arrays.fill(slots, to, end, null);
    end = to;
  }

  /**
   * Replaces every member by what {@code current} maps it to (its stored object while it is
   * verified and serves the service), dropping those it maps to null and later duplicates; the
   * entry is clean afterwards.
   */
  void retain(UnaryOperator<Peer> current) {
    Slot[] old = slots;
    int oldEnd = end;
    positions.clear();
    slots = new Slot[Math.max(SCAN_LIMIT, Integer.highestOneBit(Math.max(1, oldEnd)) * 2)];
    end = 0;
    for (int i = 0; i < oldEnd; i++) {
      Slot s = old[i];
      if (s == null) {
        continue;
      }
      Peer stored = current.apply(s.peer);
      if (stored != null && !positions.containsKey(stored)) {
        Slot fresh = new Slot(stored);
        positions.put(stored, fresh);
        fresh.index = end;
        slots[end++] = fresh;
      }
    }
    dirty = false;
  }

  /** The members in order (an immutable copy). */
  List<Peer> toList() {
    List<Peer> out = new ArrayList<>(positions.size());
    for (int i = 0; i < end; i++) {
      Slot s = slots[i];
      if (s != null) {
        out.add(s.peer);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A uniformly random member other than {@code exclude} (and, with {@code ipv4Only}, whose
   * preferred address is IPv4), or null when none is. O(1) expected while a fair share of the
   * members is eligible; otherwise (and for small entries) an exact scan: {@code
   * random.nextInt(eligible)} picks among the eligible members in order.
   *
   * @param exclude a peer not to pick, or null
   */
  Peer pick(RandomGenerator random, Peer exclude, boolean ipv4Only) {
    if (positions.isEmpty()) {
      return null;
    }
    if (end > SCAN_LIMIT) {
      for (int draw = 0; draw < MAX_DRAWS; draw++) {
        Slot s = slots[random.nextInt(end)];
        if (s != null && eligible(s.peer, exclude, ipv4Only)) {
          return s.peer;
        }
      }
    }
    int eligible = 0;
    for (int i = 0; i < end; i++) {
      Slot s = slots[i];
      if (s != null && eligible(s.peer, exclude, ipv4Only)) {
        eligible++;
      }
    }
    if (eligible == 0) {
      return null;
    }
    int chosen = random.nextInt(eligible);
    for (int i = 0; i < end; i++) {
      Slot s = slots[i];
      if (s != null && eligible(s.peer, exclude, ipv4Only) && chosen-- == 0) {
        return s.peer;
      }
    }
    throw new IllegalStateException("unreachable: " + eligible + " eligible members");
  }

  private static boolean eligible(Peer p, Peer exclude, boolean ipv4Only) {
    return (p != exclude && !p.equals(exclude))
        && (!ipv4Only || p.address().kind() == AddressKind.UDPV4);
  }
}
