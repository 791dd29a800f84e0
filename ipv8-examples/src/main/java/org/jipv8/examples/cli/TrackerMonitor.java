package org.jipv8.examples.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.examples.demo.DropSummary;
import org.jipv8.reactor.bootstrap.BootstrapServer;

/**
 * What {@code ipv8 tracker} shows: members, introductions made, datagrams in and out and drops by
 * reason; with {@code -v} a line whenever the number of members changes. Called from the command's
 * thread only.
 */
final class TrackerMonitor implements LiveStatus.Source {
  private final BootstrapServer server;
  private final EndpointStatistics endpoint;
  private final boolean events;
  private int members;

  TrackerMonitor(BootstrapServer server, EndpointStatistics endpoint, boolean events) {
    this.server = server;
    this.endpoint = endpoint;
    this.events = events;
  }

  @Override
  public List<String> poll() {
    int now = server.memberCount();
    int before = members;
    members = now;
    if (!events || now == before) {
      return List.of();
    }
    return List.of(
        (now > before ? "+ " : "- ") + "members: " + before + " -> " + now + " (all communities)");
  }

  @Override
  public String statusLine(double seconds) {
    return String.format(
        Locale.ROOT,
        "[%6.1fs] members %d, introductions %d, responses %d, in %d, out %d datagrams, drops %s",
        seconds,
        server.memberCount(),
        server.introductions(),
        server.responses(),
        endpoint.packetsReceived(),
        endpoint.packetsSent(),
        DropSummary.format(drops()));
  }

  @Override
  public String summary(double seconds) {
    return String.format(
        Locale.ROOT,
        "summary after %.1f s: %d members, %d introductions, %d responses, %d datagrams in, %d"
            + " out%ndrops by reason: %s%n",
        seconds,
        server.memberCount(),
        server.introductions(),
        server.responses(),
        endpoint.packetsReceived(),
        endpoint.packetsSent(),
        DropSummary.format(drops()));
  }

  private Map<DropReason, Long> drops() {
    Map<DropReason, Long> all = new EnumMap<>(DropReason.class);
    endpoint.drops().forEach((r, n) -> all.merge(r, n, Long::sum));
    server.drops().forEach((r, n) -> all.merge(r, n, Long::sum));
    return all;
  }
}
