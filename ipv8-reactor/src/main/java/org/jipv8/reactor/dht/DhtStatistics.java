package org.jipv8.reactor.dht;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of what the DHT ignored, by {@link DhtDrop}. Thread-safe; read from anywhere. */
public final class DhtStatistics {
  private final AtomicLongArray counts = new AtomicLongArray(DhtDrop.values().length);

  void increment(DhtDrop drop) {
    counts.incrementAndGet(drop.ordinal());
  }

  /** How often {@code drop} happened. */
  public long count(DhtDrop drop) {
    return counts.get(drop.ordinal());
  }

  /** Every non-zero counter. */
  public Map<DhtDrop, Long> snapshot() {
    Map<DhtDrop, Long> out = new EnumMap<>(DhtDrop.class);
    for (DhtDrop d : DhtDrop.values()) {
      long n = counts.get(d.ordinal());
      if (n != 0) {
        out.put(d, n);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "DhtStatistics" + snapshot();
  }
}
