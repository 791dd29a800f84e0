package org.jipv8.examples.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.examples.demo.DropSummary;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunityStatistics;

/**
 * What {@code ipv8 node} shows of a running node: a live status line (peers per overlay, datagrams
 * in and out, drops by reason), with {@code -v} one line per peer found or lost, and a summary
 * table at exit. Reads the node's counters and peer lists from the command's thread; every call
 * comes from that one thread.
 */
final class NodeMonitor implements LiveStatus.Source {
  private static final HexFormat HEX = HexFormat.of();

  private final List<Community> overlays;
  private final EndpointStatistics endpoint;
  private final boolean events;
  private final Map<Community, Set<Peer>> known = new LinkedHashMap<>();

  NodeMonitor(List<Community> overlays, EndpointStatistics endpoint, boolean events) {
    this.overlays = List.copyOf(overlays);
    this.endpoint = endpoint;
    this.events = events;
    overlays.forEach(o -> known.put(o, new LinkedHashSet<>()));
  }

  /** Looks at the peers once: a line per change when events are on. */
  @Override
  public List<String> poll() {
    List<String> lines = new ArrayList<>();
    for (Community overlay : overlays) {
      Set<Peer> now = new LinkedHashSet<>(overlay.getPeers());
      Set<Peer> before = known.get(overlay);
      for (Peer p : now) {
        if (!before.contains(p) && events) {
          lines.add("+ peer " + shortId(p) + " found at " + p.address() + " in " + name(overlay));
        }
      }
      for (Peer p : before) {
        if (!now.contains(p) && events) {
          lines.add("- peer " + shortId(p) + " lost (" + p.address() + ") in " + name(overlay));
        }
      }
      known.put(overlay, now);
    }
    return lines;
  }

  /** The status line: elapsed time, peers per overlay, datagrams in and out, drops by reason. */
  @Override
  public String statusLine(double seconds) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%6.1fs]", seconds));
    for (Community overlay : overlays) {
      sb.append(' ').append(name(overlay)).append(' ').append(overlay.getPeers().size());
      sb.append(overlay.getPeers().size() == 1 ? " peer," : " peers,");
    }
    sb.append(
        String.format(
            Locale.ROOT,
            " in %d, out %d datagrams, drops %s",
            endpoint.packetsReceived(),
            endpoint.packetsSent(),
            DropSummary.format(drops())));
    return sb.toString();
  }

  /** The summary table printed at exit. */
  @Override
  public String summary(double seconds) {
    StringBuilder sb = new StringBuilder();
    String format = "%-22s %6s %10s %10s %8s%n";
    String header =
        String.format(Locale.ROOT, format, "overlay", "peers", "received", "sent", "drops");
    sb.append(String.format(Locale.ROOT, "summary after %.1f s%n", seconds));
    sb.append(header).append("-".repeat(header.length() - 1)).append('\n');
    for (Community overlay : overlays) {
      CommunityStatistics s = overlay.statistics();
      long received = 0;
      long sent = 0;
      for (int id = 0; id < 256; id++) {
        received += s.received(id).count();
        sent += s.sent(id).count();
      }
      sb.append(
          String.format(
              Locale.ROOT,
              format,
              name(overlay),
              overlay.getPeers().size(),
              received,
              sent,
              s.totalDrops()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            format,
            "(endpoint)",
            "-",
            endpoint.packetsReceived(),
            endpoint.packetsSent(),
            endpoint.totalDrops()));
    sb.append("drops by reason: ").append(DropSummary.format(drops())).append('\n');
    return sb.toString();
  }

  /** Endpoint and overlay drops together, by reason. */
  Map<DropReason, Long> drops() {
    Map<DropReason, Long> all = new EnumMap<>(DropReason.class);
    endpoint.drops().forEach((r, n) -> all.merge(r, n, Long::sum));
    for (Community overlay : overlays) {
      overlay.statistics().drops().forEach((r, n) -> all.merge(r, n, Long::sum));
    }
    return all;
  }

  /** The overlays watched. */
  List<Community> overlays() {
    return new ArrayList<>(overlays);
  }

  private static String name(Community overlay) {
    return overlay.getClass().getSimpleName();
  }

  private static String shortId(Peer p) {
    return HEX.formatHex(p.mid()).substring(0, 8);
  }
}
