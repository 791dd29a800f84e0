package org.jipv8.examples.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jipv8.api.messaging.DropReason;

/** Renders the demo's live progress line and final table. Pure functions of snapshots. */
public final class DemoReport {
  private DemoReport() {}

  /** One progress line: nodes at target, mean peers, datagrams and drops per second. */
  public static String progress(
      List<NodeSnapshot> nodes,
      int target,
      double seconds,
      double msgsPerSecond,
      double dropsPerSecond) {
    long atTarget = nodes.stream().filter(NodeSnapshot::reachedTarget).count();
    double meanPeers = nodes.stream().mapToInt(NodeSnapshot::peers).average().orElse(0);
    int width = 20;
    int filled = nodes.isEmpty() ? 0 : (int) (width * atTarget / nodes.size());
    return String.format(
        Locale.ROOT,
        "[%s%s] %5.1fs  at target %d/%d  mean peers %.1f of %d  %.0f msg/s  %.0f drops/s",
        "#".repeat(filled),
        ".".repeat(width - filled),
        seconds,
        atTarget,
        nodes.size(),
        meanPeers,
        target,
        msgsPerSecond,
        dropsPerSecond);
  }

  /** py-ipv8's default {@code max_peers}, which the demo's communities keep. */
  public static final int DEFAULT_MAX_PEERS = 30;

  /** {@code n peer} or {@code n peers}. */
  public static String peers(long n) {
    return n + (n == 1 ? " peer" : " peers");
  }

  /** The summary table, one row per node, and a verdict line. */
  public static String table(List<NodeSnapshot> nodes, int target, double limitSeconds) {
    return table(nodes, target, limitSeconds, Map.of(), DEFAULT_MAX_PEERS);
  }

  /**
   * The summary table, one row per node, a verdict line, the drops of all nodes by reason, a
   * legend, and a note when a node ended above {@code maxPeers} (a soft limit).
   */
  public static String table(
      List<NodeSnapshot> nodes,
      int target,
      double limitSeconds,
      Map<DropReason, Long> dropsByReason,
      int maxPeers) {
    StringBuilder sb = new StringBuilder();
    String header =
        String.format(
            Locale.ROOT,
            "%-8s %-21s %5s %11s %11s %8s %8s %6s%n",
            "node",
            "address",
            "peers",
            "first peer",
            "at target",
            "sent",
            "received",
            "drops");
    sb.append(header);
    sb.append("-".repeat(header.length() - 1)).append('\n');
    for (NodeSnapshot n : nodes) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-8s %-21s %5d %11s %11s %8d %8d %6d%n",
              n.name(),
              n.address(),
              n.peers(),
              seconds(n.firstPeerMillis()),
              seconds(n.targetMillis()),
              n.sent(),
              n.received(),
              n.drops()));
    }
    long ok = nodes.stream().filter(NodeSnapshot::reachedTarget).count();
    sb.append(
        String.format(
            Locale.ROOT,
            "%d/%d nodes reached %s within %.0f s: %s%n",
            ok,
            nodes.size(),
            peers(target),
            limitSeconds,
            ok == nodes.size() ? "OK" : "FAILED"));
    sb.append("drops by reason: ").append(DropSummary.format(dropsByReason)).append('\n');
    sb.append(
        "legend: peers = verified peers in the ClockCommunity at the end; first peer, at target ="
            + " seconds from start to the first peer and to the target; sent, received ="
            + " datagrams of the node's socket; drops = datagrams dropped by the socket and the"
            + " node's communities (reasons above; see docs/troubleshooting.md)\n");
    int most = nodes.stream().mapToInt(NodeSnapshot::peers).max().orElse(0);
    if (maxPeers >= 0 && most > maxPeers) {
      sb.append(
          String.format(
              Locale.ROOT,
              "note: max_peers (%d) is a soft limit, as in py-ipv8: a node stops answering"
                  + " introduction requests above it but still adds the peers that answer its own"
                  + " walks, so it can end with more (here up to %d)%n",
              maxPeers,
              most));
    }
    return sb.toString();
  }

  /** 0 when every node reached its target, 1 otherwise. */
  public static int exitCode(List<NodeSnapshot> nodes) {
    return !nodes.isEmpty() && nodes.stream().allMatch(NodeSnapshot::reachedTarget) ? 0 : 1;
  }

  private static String seconds(long millis) {
    return millis < 0 ? "-" : String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
  }
}
