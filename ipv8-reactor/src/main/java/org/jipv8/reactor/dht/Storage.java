package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values this node stores for others, by key, newest first. A value has an id (see {@link
 * DhtValues#storageId}); a value with a known id replaces the old one when its version is not
 * older. Values expire {@code maxAge} after their last update.
 *
 * <p>Bounded, unlike py-ipv8's: at most {@link #maxValuesPerKey} values per key (the oldest go) and
 * at most {@link #maxKeys} keys (a new key is refused while full, after expired values were
 * removed), so a flood of store-requests cannot exhaust memory. Confined to the protocol thread.
 */
final class Storage {
  /** Default number of values kept under one key. */
  static final int DEFAULT_MAX_VALUES_PER_KEY = 64;

  /** Default number of keys kept. */
  static final int DEFAULT_MAX_KEYS = 8192;

  private record Value(byte[] id, byte[] data, long lastUpdate, long maxAge, long version) {
    boolean expired(long now) {
      return now - lastUpdate > maxAge;
    }
  }

  private final Map<ByteKey, List<Value>> items = new LinkedHashMap<>();
  private final int maxValuesPerKey;
  private final int maxKeys;

  Storage(int maxValuesPerKey, int maxKeys) {
    this.maxValuesPerKey = maxValuesPerKey;
    this.maxKeys = maxKeys;
  }

  Storage() {
    this(DEFAULT_MAX_VALUES_PER_KEY, DEFAULT_MAX_KEYS);
  }

  int maxValuesPerKey() {
    return maxValuesPerKey;
  }

  int maxKeys() {
    return maxKeys;
  }

  /**
   * Stores {@code data} under {@code key}.
   *
   * @param id the value's id (null: SHA-1 of the data)
   * @param maxAgeMillis how long the value lives after this update
   * @return false when the storage is full and the key is new
   */
  boolean put(byte[] key, byte[] data, byte[] id, long version, long maxAgeMillis, long now) {
    ByteKey k = new ByteKey(key);
    byte[] valueId = id != null ? id : DhtValues.sha1(data);
    List<Value> list = items.get(k);
    if (list == null) {
      if (items.size() >= maxKeys) {
        clean(now);
      }
      if (items.size() >= maxKeys) {
        return false;
      }
      list = new ArrayList<>();
      items.put(k, list);
    }
    Value fresh = new Value(valueId, data.clone(), now, maxAgeMillis, version);
    int index = indexOf(list, valueId);
    if (index >= 0) {
      if (version < list.get(index).version()) {
        return true;
      }
      list.remove(index);
    }
    list.add(0, fresh);
    // py-ipv8 keeps a value whose id equals the key (a peer's own record) at the end.
    list.sort((a, b) -> Boolean.compare(Arrays.equals(a.id(), key), Arrays.equals(b.id(), key)));
    while (list.size() > maxValuesPerKey) {
      list.remove(list.size() - 1);
    }
    return true;
  }

  private static int indexOf(List<Value> list, byte[] id) {
    for (int i = 0; i < list.size(); i++) {
      if (Arrays.equals(list.get(i).id(), id)) {
        return i;
      }
    }
    return -1;
  }

  /** Up to {@code limit} values under {@code key} from {@code offset}, newest first. */
  List<byte[]> get(byte[] key, int offset, int limit) {
    List<Value> list = items.get(new ByteKey(key));
    if (list == null || offset >= list.size() || offset < 0) {
      return List.of();
    }
    int end = limit > 0 ? (int) Math.min(list.size(), (long) offset + limit) : list.size();
    List<byte[]> out = new ArrayList<>(end - offset);
    for (Value v : list.subList(offset, end)) {
      out.add(v.data().clone());
    }
    return out;
  }

  /** (key, value) pairs not updated for more than {@code minAgeMillis}. */
  List<byte[][]> itemsOlderThan(long minAgeMillis, long now) {
    List<byte[][]> out = new ArrayList<>();
    items.forEach(
        (k, list) -> {
          for (Value v : list) {
            if (now - v.lastUpdate() > minAgeMillis) {
              out.add(new byte[][] {k.bytes(), v.data().clone()});
            }
          }
        });
    return out;
  }

  /** Removes expired values (and keys left empty). */
  void clean(long now) {
    Iterator<List<Value>> it = items.values().iterator();
    while (it.hasNext()) {
      List<Value> list = it.next();
      list.removeIf(v -> v.expired(now));
      if (list.isEmpty()) {
        it.remove();
      }
    }
  }

  /** Number of keys. */
  int keyCount() {
    return items.size();
  }

  /** Number of values under all keys. */
  int valueCount() {
    int n = 0;
    for (List<Value> list : items.values()) {
      n += list.size();
    }
    return n;
  }

  /** The keys (a snapshot). */
  List<byte[]> keys() {
    List<byte[]> out = new ArrayList<>();
    items.keySet().forEach(k -> out.add(k.bytes()));
    return out;
  }
}
