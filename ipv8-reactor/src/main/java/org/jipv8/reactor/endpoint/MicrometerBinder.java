package org.jipv8.reactor.endpoint;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.Objects;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;

/**
 * Publishes an endpoint's counters as Micrometer meters. Micrometer is an optional dependency: this
 * class is the only one that uses it, so applications without {@code micrometer-core} never load
 * it.
 *
 * <p>Meters (all function-based, read when the registry is scraped; nothing is added on the send or
 * receive path):
 *
 * <ul>
 *   <li>{@code jipv8.endpoint.packets} (counter), tag {@code direction} = {@code sent}|{@code
 *       received};
 *   <li>{@code jipv8.endpoint.bytes} (counter, bytes), tag {@code direction};
 *   <li>{@code jipv8.endpoint.drops} (counter), tag {@code reason} = the lower-case {@link
 *       DropReason} name, one meter per reason;
 *   <li>{@code jipv8.endpoint.kernel.drops} (counter): datagrams the operating system dropped
 *       before the endpoint could read them ({@link EndpointStatistics#kernelDrops()});
 *   <li>{@code jipv8.endpoint.outbound.queue} (gauge, UDP endpoints only): datagrams waiting.
 * </ul>
 *
 * Every meter also carries the tag {@code endpoint} (the local address at bind time) and the
 * caller's extra tags. Thread-safe; bind once per endpoint and registry.
 */
public final class MicrometerBinder {
  private MicrometerBinder() {}

  /** Binds a UDP endpoint's counters and its outbound-queue gauge. */
  public static void bind(UdpEndpoint endpoint, MeterRegistry registry, Tag... extraTags) {
    Tags tags = tagsOf(endpoint, extraTags);
    bindStatistics(endpoint.statistics(), registry, tags);
    Gauge.builder("jipv8.endpoint.outbound.queue", endpoint, UdpEndpoint::outboundQueueSize)
        .description("Datagrams waiting in the outbound queue")
        .tags(tags)
        .register(registry);
  }

  /** Binds any endpoint's counters (simulated, dispatching, ...). */
  public static void bind(Endpoint endpoint, MeterRegistry registry, Tag... extraTags) {
    if (endpoint instanceof UdpEndpoint udp) {
      bind(udp, registry, extraTags);
      return;
    }
    bindStatistics(endpoint.statistics(), registry, tagsOf(endpoint, extraTags));
  }

  private static Tags tagsOf(Endpoint endpoint, Tag... extraTags) {
    Objects.requireNonNull(endpoint, "endpoint");
    return Tags.of(extraTags).and("endpoint", endpoint.localAddress().toString());
  }

  private static void bindStatistics(
      EndpointStatistics statistics, MeterRegistry registry, Tags tags) {
    Objects.requireNonNull(registry, "registry");
    FunctionCounter.builder("jipv8.endpoint.packets", statistics, EndpointStatistics::packetsSent)
        .description("Datagrams handed to the socket")
        .tags(tags.and("direction", "sent"))
        .register(registry);
    FunctionCounter.builder(
            "jipv8.endpoint.packets", statistics, EndpointStatistics::packetsReceived)
        .description("Datagrams received")
        .tags(tags.and("direction", "received"))
        .register(registry);
    FunctionCounter.builder("jipv8.endpoint.bytes", statistics, EndpointStatistics::bytesSent)
        .description("Bytes handed to the socket")
        .baseUnit("bytes")
        .tags(tags.and("direction", "sent"))
        .register(registry);
    FunctionCounter.builder("jipv8.endpoint.bytes", statistics, EndpointStatistics::bytesReceived)
        .description("Bytes received")
        .baseUnit("bytes")
        .tags(tags.and("direction", "received"))
        .register(registry);
    FunctionCounter.builder(
            "jipv8.endpoint.kernel.drops", statistics, EndpointStatistics::kernelDrops)
        .description("Datagrams the operating system dropped before the endpoint read them")
        .tags(tags)
        .register(registry);
    for (DropReason reason : DropReason.values()) {
      FunctionCounter.builder("jipv8.endpoint.drops", statistics, s -> s.drops(reason))
          .description("Datagrams dropped at the endpoint, by reason")
          .tags(tags.and("reason", reason.name().toLowerCase(Locale.ROOT)))
          .register(registry);
    }
  }
}
