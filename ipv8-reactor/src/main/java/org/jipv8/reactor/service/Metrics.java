package org.jipv8.reactor.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunityMetrics;
import org.jipv8.reactor.endpoint.MicrometerBinder;
import reactor.core.publisher.Flux;

/** Binds a node to Micrometer: endpoint counters now, community meters as traffic appears. */
final class Metrics {
  static final Duration REFRESH = Duration.ofSeconds(5);

  private Metrics() {}

  // Kept in its own class so that the Micrometer types are only loaded when metrics are asked for.
  static void bind(Ipv8 node, MeterRegistry registry) {
    MicrometerBinder.bind(node.endpoint(), registry);
    node.onStarted(
        () -> {
          List<CommunityMetrics> bound =
              node.overlays().stream()
                  .filter(Community.class::isInstance)
                  .map(o -> new CommunityMetrics((Community) o, registry))
                  .toList();
          return Flux.interval(REFRESH, REFRESH, node.protocolScheduler())
              .subscribe(t -> bound.forEach(CommunityMetrics::refresh));
        });
  }
}
