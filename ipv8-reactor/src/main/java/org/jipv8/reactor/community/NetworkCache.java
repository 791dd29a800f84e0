package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded map in insertion order whose oldest entry goes when a new one would exceed the
 * capacity, counting what it evicted. The reverse caches of the peer bookkeeping are three of
 * these; "refreshing" an entry is removing and putting it again.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class NetworkCache<K, V> {
  private final int capacity;
  private final Map<K, V> entries = new LinkedHashMap<>();
  private long evicted;
  // The key put last while it is still there (or null): refreshing it again is a no-op.
  private K newest;

  NetworkCache(int capacity) {
    this.capacity = capacity;
  }

  V get(K key) {
    return entries.get(key);
  }

  V remove(K key) {
    if (newest != null && newest.equals(key)) {
      newest = null;
    }
    return entries.remove(key);
  }

  /**
   * The value of {@code key}, its entry moved to the newest place (as {@code remove} then {@code
   * put} would, without the two hash operations when it already is the newest), or null when absent
   * (nothing changes then).
   */
  V refresh(K key) {
    if (newest != null && (newest == key || newest.equals(key))) {
      return entries.get(key);
    }
    V value = entries.remove(key);
    if (value != null) {
      entries.put(key, value);
      newest = key;
    }
    return value;
  }

  /** Inserts as the newest entry (an existing key keeps its place) and evicts the oldest. */
  void put(K key, V value) {
    boolean existed = entries.put(key, value) != null;
    if (!existed) {
      newest = key;
    }
    if (entries.size() > capacity) {
      Iterator<K> it = entries.keySet().iterator();
      it.next();
      it.remove();
      evicted++;
    }
  }

  /** Keys, oldest first (a copy). */
  List<K> keys() {
    return List.copyOf(entries.keySet());
  }

  Set<K> keySet() {
    return entries.keySet();
  }

  /** The values, oldest first (a live view: do not change the cache while iterating). */
  Collection<V> values() {
    return entries.values();
  }

  int size() {
    return entries.size();
  }

  /** How many entries were evicted to stay within the capacity. */
  long evicted() {
    return evicted;
  }
}
