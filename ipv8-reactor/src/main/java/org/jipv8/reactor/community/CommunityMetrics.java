package org.jipv8.reactor.community;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jipv8.api.messaging.DropReason;

/**
 * Publishes a community's per-message-id statistics (py-ipv8's StatisticsEndpoint numbers) to
 * Micrometer:
 *
 * <ul>
 *   <li>{@code jipv8.community.messages} and {@code jipv8.community.bytes}, tags {@code community}
 *       (hex id), {@code direction} ({@code received}/{@code sent}) and {@code message_id};
 *   <li>{@code jipv8.community.drops}, tags {@code community}, {@code reason} and {@code
 *       message_id}.
 * </ul>
 *
 * Meters appear for the ids and reasons that have seen traffic: call {@link #refresh()}
 * periodically (the service does, every few seconds). Function counters read the live counters, so
 * values are always current.
 *
 * <p>Threading: safe from any thread, without locks: a meter is registered by the call that adds
 * its key to a concurrent set first, and the registry is thread-safe.
 */
public final class CommunityMetrics {
  private final Community community;
  private final MeterRegistry registry;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  /** Binds {@code community} to {@code registry} and registers what has traffic already. */
  public CommunityMetrics(Community community, MeterRegistry registry) {
    this.community = community;
    this.registry = registry;
    refresh();
  }

  /** Registers meters for message ids and drop reasons that saw traffic since the last call. */
  public void refresh() {
    CommunityStatistics stats = community.statistics();
    String id = community.communityId().hex();
    for (int m = 0; m <= 255; m++) {
      final int messageId = m;
      if (stats.received(m).count() > 0 && registered.add("r" + m)) {
        Tags tags =
            Tags.of("community", id, "direction", "received", "message_id", Integer.toString(m));
        FunctionCounter.builder(
                "jipv8.community.messages", stats, s -> s.received(messageId).count())
            .tags(tags)
            .register(registry);
        FunctionCounter.builder("jipv8.community.bytes", stats, s -> s.received(messageId).bytes())
            .tags(tags)
            .register(registry);
      }
      if (stats.sent(m).count() > 0 && registered.add("s" + m)) {
        Tags tags =
            Tags.of("community", id, "direction", "sent", "message_id", Integer.toString(m));
        FunctionCounter.builder("jipv8.community.messages", stats, s -> s.sent(messageId).count())
            .tags(tags)
            .register(registry);
        FunctionCounter.builder("jipv8.community.bytes", stats, s -> s.sent(messageId).bytes())
            .tags(tags)
            .register(registry);
      }
    }
    for (DropReason reason : DropReason.values()) {
      for (int m = CommunityStatistics.NO_ID; m <= 255; m++) {
        final int messageId = m;
        if (stats.drops(reason, m) > 0 && registered.add("d" + reason + m)) {
          FunctionCounter.builder("jipv8.community.drops", stats, s -> s.drops(reason, messageId))
              .tags("community", id, "reason", reason.name(), "message_id", Integer.toString(m))
              .register(registry);
        }
      }
    }
  }
}
