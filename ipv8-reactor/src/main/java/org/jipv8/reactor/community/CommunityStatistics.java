package org.jipv8.reactor.community;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jipv8.api.messaging.DropReason;

/**
 * Counters of one community: datagrams received, handled and sent (count and bytes per message id),
 * and every drop by {@link DropReason} and message id.
 *
 * <p>Message ids are 0..255; a drop that happened before the id could be read (a datagram shorter
 * than 23 bytes) is counted under id {@value #NO_ID}. Thread-safe; reads are snapshots.
 *
 * <p>The received and handled counters have one writer, the dispatch stage on the protocol thread,
 * so they are updated with a plain read and a release store instead of an atomic read-modify-write
 * (no locked instruction per datagram); readers on any thread see every update published. Sent
 * counters and drops are counted from several threads and stay atomic.
 */
public final class CommunityStatistics {
  /** The id under which drops of datagrams without a message id are counted. */
  public static final int NO_ID = -1;

  private static final int SLOTS = 257;
  private static final DropReason[] REASONS = DropReason.values();

  private final AtomicLongArray receivedCount = new AtomicLongArray(SLOTS);
  private final AtomicLongArray receivedBytes = new AtomicLongArray(SLOTS);
  private final AtomicLongArray handledCount = new AtomicLongArray(SLOTS);
  private final AtomicLongArray sentCount = new AtomicLongArray(SLOTS);
  private final AtomicLongArray sentBytes = new AtomicLongArray(SLOTS);
  private final AtomicLongArray dropped = new AtomicLongArray(SLOTS * REASONS.length);

  /** Count and byte total of one direction of one message id. */
  public record Traffic(long count, long bytes) {}

  private static int slot(int messageId) {
    if (messageId < NO_ID || messageId > 255) {
      throw new IllegalArgumentException("message ids are 0..255, got " + messageId);
    }
    return messageId + 1;
  }

  /** Counts a datagram delivered to the community; the protocol thread only (one writer). */
  void countReceived(int messageId, int bytes) {
    int s = slot(messageId);
    receivedCount.setRelease(s, receivedCount.getPlain(s) + 1);
    receivedBytes.setRelease(s, receivedBytes.getPlain(s) + bytes);
  }

  /** Counts a handled message; the protocol thread only (one writer). */
  void countHandled(int messageId) {
    int s = slot(messageId);
    handledCount.setRelease(s, handledCount.getPlain(s) + 1);
  }

  void countSent(int messageId, int bytes) {
    sentCount.incrementAndGet(slot(messageId));
    sentBytes.addAndGet(slot(messageId), bytes);
  }

  void countDrop(DropReason reason, int messageId) {
    dropped.incrementAndGet(reason.ordinal() * SLOTS + slot(messageId));
  }

  /** Datagrams of that message id delivered to the community (handled or not). */
  public Traffic received(int messageId) {
    int s = slot(messageId);
    return new Traffic(receivedCount.get(s), receivedBytes.get(s));
  }

  /** Datagrams of that message id sent by the community. */
  public Traffic sent(int messageId) {
    int s = slot(messageId);
    return new Traffic(sentCount.get(s), sentBytes.get(s));
  }

  /** Datagrams of that message id whose handler ran to completion. */
  public long handled(int messageId) {
    return handledCount.get(slot(messageId));
  }

  /** Drops of that reason and message id. */
  public long drops(DropReason reason, int messageId) {
    return dropped.get(reason.ordinal() * SLOTS + slot(messageId));
  }

  /** Drops of that reason, all message ids together. */
  public long drops(DropReason reason) {
    long sum = 0;
    for (int s = 0; s < SLOTS; s++) {
      sum += dropped.get(reason.ordinal() * SLOTS + s);
    }
    return sum;
  }

  /** All drops. */
  public long totalDrops() {
    long sum = 0;
    for (DropReason r : REASONS) {
      sum += drops(r);
    }
    return sum;
  }

  /** Non-zero drop counts by reason. */
  public Map<DropReason, Long> drops() {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    for (DropReason r : REASONS) {
      long n = drops(r);
      if (n > 0) {
        out.put(r, n);
      }
    }
    return out;
  }

  /** Non-zero drop counts of one reason by message id ({@value #NO_ID} for no id). */
  public Map<Integer, Long> dropsByMessageId(DropReason reason) {
    Map<Integer, Long> out = new TreeMap<>();
    for (int s = 0; s < SLOTS; s++) {
      long n = dropped.get(reason.ordinal() * SLOTS + s);
      if (n > 0) {
        out.put(s - 1, n);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CommunityStatistics" + drops();
  }
}
