package org.jipv8.reactor.endpoint;

import java.time.InstantSource;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-community, per-message traffic counters, the Java counterpart of py-ipv8's {@code
 * StatisticsEndpoint} (runtime spec 9.6). Endpoints feed it with every datagram they accept for
 * sending and every datagram they receive; it keeps counters only for the community prefixes that
 * were {@linkplain #enable(byte[], boolean) enabled}, so traffic with random prefixes cannot grow
 * its memory.
 *
 * <p>A packet is attributed to its first 22 bytes (the prefix) and its byte 22 (the message id).
 * Packets of 22 bytes or fewer are ignored (py-ipv8 3.1 would raise on exactly 22 bytes; we do
 * not).
 *
 * <p>Threading: all methods are lock-free and safe from any thread. Snapshots are weakly
 * consistent.
 */
public final class MessageStatistics {

  /** Message-id groups that the {@code messagesSent}-style sums leave out unless included. */
  public enum Include {
    /** Introduction request and response, ids 245 and 246. */
    INTRODUCTION,
    /** Puncture request and puncture, ids 249 and 250. */
    PUNCTURE,
    /** Deprecated Dispersy ids 235-244, 247, 248 and 251-255. */
    DEPRECATED
  }

  private final InstantSource clock;
  private final ConcurrentMap<PrefixKey, ConcurrentMap<Integer, MessageCounter>> byPrefix =
      new ConcurrentHashMap<>();

  private MessageStatistics(InstantSource clock) {
    this.clock = clock;
  }

  /** Statistics stamped with the system clock. */
  public static MessageStatistics create() {
    return new MessageStatistics(InstantSource.system());
  }

  /** Statistics stamped with {@code clock} (a fixed or virtual clock in tests). */
  public static MessageStatistics create(InstantSource clock) {
    return new MessageStatistics(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Starts ({@code true}: keeps existing counters) or stops ({@code false}: forgets them) counting
   * the community with this 22-byte prefix.
   *
   * @throws IllegalArgumentException when the prefix is not 22 bytes
   */
  public void enable(byte[] prefix, boolean enabled) {
    PrefixKey key = PrefixKey.of(prefix);
    if (enabled) {
      byPrefix.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    } else {
      byPrefix.remove(key);
    }
  }

  /** Whether the community with this prefix is counted. */
  public boolean isEnabled(byte[] prefix) {
    return byPrefix.containsKey(PrefixKey.of(prefix));
  }

  /** Counts a datagram accepted for sending, when its prefix is enabled. */
  public void recordSent(byte[] packet) {
    ConcurrentMap<Integer, MessageCounter> counters = countersOf(packet);
    if (counters != null) {
      counter(counters, packet[PrefixKey.LENGTH] & 0xff).addSent(packet.length, now());
    }
  }

  /** Counts a received datagram, when its prefix is enabled. */
  public void recordReceived(byte[] packet) {
    ConcurrentMap<Integer, MessageCounter> counters = countersOf(packet);
    if (counters != null) {
      counter(counters, packet[PrefixKey.LENGTH] & 0xff).addReceived(packet.length, now());
    }
  }

  /**
   * Adds a sent sample directly, enabling the prefix if needed (py's {@code add_sent_stat}).
   *
   * @throws IllegalArgumentException when the prefix is not 22 bytes or the id not in 0..255
   */
  public void addSent(byte[] prefix, int messageId, long bytes, double timestampSeconds) {
    checkId(messageId);
    counter(
            byPrefix.computeIfAbsent(PrefixKey.of(prefix), k -> new ConcurrentHashMap<>()),
            messageId)
        .addSent(bytes, timestampSeconds);
  }

  /**
   * Adds a received sample directly, enabling the prefix if needed; validates as {@link #addSent}.
   */
  public void addReceived(byte[] prefix, int messageId, long bytes, double timestampSeconds) {
    checkId(messageId);
    counter(
            byPrefix.computeIfAbsent(PrefixKey.of(prefix), k -> new ConcurrentHashMap<>()),
            messageId)
        .addReceived(bytes, timestampSeconds);
  }

  /** Snapshot of one community's counters by message id (ascending); empty when not enabled. */
  public Map<Integer, MessageStat> statistics(byte[] prefix) {
    ConcurrentMap<Integer, MessageCounter> counters = byPrefix.get(PrefixKey.of(prefix));
    if (counters == null) {
      return Map.of();
    }
    TreeMap<Integer, MessageStat> out = new TreeMap<>();
    counters.forEach((id, counter) -> out.put(id, counter.snapshot()));
    return Collections.unmodifiableMap(out);
  }

  /** Totals over all message ids of one community; {@link AggregateMessageStat#EMPTY} if none. */
  public AggregateMessageStat aggregate(byte[] prefix) {
    Map<Integer, MessageStat> stats = statistics(prefix);
    long numUp = 0;
    long numDown = 0;
    long bytesUp = 0;
    long bytesDown = 0;
    double earliest = Double.POSITIVE_INFINITY;
    double latest = 0;
    for (MessageStat s : stats.values()) {
      numUp += s.numUp();
      numDown += s.numDown();
      bytesUp += s.bytesUp();
      bytesDown += s.bytesDown();
      latest = Math.max(latest, Math.max(s.lastMeasuredUp(), s.lastMeasuredDown()));
      if (s.firstMeasuredUp() > 0) {
        earliest = Math.min(earliest, s.firstMeasuredUp());
      }
      if (s.firstMeasuredDown() > 0) {
        earliest = Math.min(earliest, s.firstMeasuredDown());
      }
    }
    double diff = earliest == Double.POSITIVE_INFINITY ? 0 : latest - earliest;
    return new AggregateMessageStat(numUp, numDown, bytesUp, bytesDown, diff);
  }

  /** Datagrams sent in the community, leaving out the groups not {@code included}. */
  public long messagesSent(byte[] prefix, Include... included) {
    return sum(prefix, included, MessageStat::numUp);
  }

  /** Datagrams received in the community, leaving out the groups not {@code included}. */
  public long messagesReceived(byte[] prefix, Include... included) {
    return sum(prefix, included, MessageStat::numDown);
  }

  /** Bytes sent in the community, leaving out the groups not {@code included}. */
  public long bytesSent(byte[] prefix, Include... included) {
    return sum(prefix, included, MessageStat::bytesUp);
  }

  /** Bytes received in the community, leaving out the groups not {@code included}. */
  public long bytesReceived(byte[] prefix, Include... included) {
    return sum(prefix, included, MessageStat::bytesDown);
  }

  private long sum(
      byte[] prefix, Include[] included, java.util.function.ToLongFunction<MessageStat> field) {
    EnumSet<Include> include = EnumSet.noneOf(Include.class);
    Collections.addAll(include, included);
    long total = 0;
    for (MessageStat s : statistics(prefix).values()) {
      Include group = groupOf(s.id());
      if (group == null || include.contains(group)) {
        total += field.applyAsLong(s);
      }
    }
    return total;
  }

  private static void checkId(int messageId) {
    if (messageId < 0 || messageId > 255) {
      throw new IllegalArgumentException("a message id is one byte (0..255), was " + messageId);
    }
  }

  private static Include groupOf(int id) {
    if (id == 245 || id == 246) {
      return Include.INTRODUCTION;
    }
    if (id == 249 || id == 250) {
      return Include.PUNCTURE;
    }
    if ((id >= 235 && id <= 244) || id == 247 || id == 248 || id >= 251) {
      return Include.DEPRECATED;
    }
    return null;
  }

  private ConcurrentMap<Integer, MessageCounter> countersOf(byte[] packet) {
    if (byPrefix.isEmpty() || packet.length <= PrefixKey.LENGTH) {
      return null;
    }
    return byPrefix.get(PrefixKey.ofPacket(packet));
  }

  private static MessageCounter counter(ConcurrentMap<Integer, MessageCounter> counters, int id) {
    MessageCounter c = counters.get(id);
    return c != null ? c : counters.computeIfAbsent(id, MessageCounter::new);
  }

  private double now() {
    return clock.millis() / 1000.0;
  }
}
