package org.jipv8.reactor.discovery;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PingingOverlay;

/**
 * A plain-overlay version of py-ipv8's DHT {@code PingChurn} (runtime.md section 2.5): keeps the
 * overlay's peers alive by pinging each at most once per {@code pingInterval}, and removes a peer
 * that stayed silent for more than twice that after being pinged.
 *
 * <p>Deviation, on purpose: py's PingChurn works on the DHT's routing table (node status BAD after
 * two failed requests, pings to every bucket node every 25 s), which this engine does not have.
 * This class implements that intent for any {@link PingingOverlay}. One step, under the walk lock,
 * for each peer of the overlay whose address is not blacklisted:
 *
 * <ol>
 *   <li>if it was pinged and has responded since (its last response is at or after the first
 *       unanswered ping, at millisecond resolution, so a response in the very millisecond of the
 *       ping counts), it is no longer pending;
 *   <li>if it is still pending more than {@code 2 × pingInterval} after that first unanswered ping,
 *       it is removed from the network (so from every overlay sharing it);
 *   <li>otherwise, if it was never pinged or its last ping is at least {@code pingInterval} old, it
 *       is pinged.
 * </ol>
 *
 * <p>State of peers that left the overlay is forgotten. On a {@link RoutingTableOverlay} (the DHT)
 * the step is py-ipv8's: the overlay maintains its routing table ({@link
 * RoutingTableOverlay#pingChurnStep}).
 *
 * <p>Threading: {@code takeStep} runs on the protocol thread under the walk lock.
 */
public final class PingChurn extends AbstractDiscoveryStrategy<PingingOverlay> {
  /** py-ipv8's default ping interval. */
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(25);

  private record PingState(long lastPing, long pendingSince, boolean pending) {}

  private final long pingIntervalMillis;
  private final Map<Peer, PingState> states = new LinkedHashMap<>();

  /** A ping churn pinging every 25 s. */
  public PingChurn(PingingOverlay overlay) {
    this(overlay, DEFAULT_PING_INTERVAL);
  }

  /**
   * A ping churn.
   *
   * @param pingInterval the minimum time between two pings of one peer (zero or negative: every
   *     step); silence for twice that after a ping removes the peer
   */
  public PingChurn(PingingOverlay overlay, Duration pingInterval) {
    super(Objects.requireNonNull(overlay, "overlay"));
    this.pingIntervalMillis = StrategyArgs.millis(pingInterval);
  }

  /** Builds a ping churn from the {@code init} argument {@code ping_interval} (seconds). */
  public static StrategyFactory factory() {
    return (overlay, init) -> {
      StrategyArgs args = StrategyArgs.of(BuiltinStrategies.PING_CHURN, init, "ping_interval");
      return new PingChurn(
          StrategyArgs.overlay(BuiltinStrategies.PING_CHURN, overlay, PingingOverlay.class),
          args.seconds("ping_interval", DEFAULT_PING_INTERVAL));
    };
  }

  @Override
  public void takeStep() {
    // The strategy scheduler calls this on the protocol thread, where the overlay state lives:
    // no walk lock is needed (it stays in the API for strategies written the py-ipv8 way).
    step();
  }

  private void step() {
    if (overlay instanceof RoutingTableOverlay dht) {
      dht.pingChurnStep(Duration.ofMillis(pingIntervalMillis));
      return;
    }
    Network network = overlay.network();
    List<Peer> peers = overlay.getPeers();
    Set<Peer> present = new HashSet<>(peers);
    states.keySet().retainAll(present);
    long now = overlay.now();
    for (Peer peer : peers) {
      if (network.isBlacklisted(peer.address())) {
        continue;
      }
      PingState s = states.get(peer);
      if (s != null && s.pending() && answered(peer, s)) {
        s = new PingState(s.lastPing(), 0, false);
        states.put(peer, s);
      }
      if (s != null
          && s.pending()
          && now > s.pendingSince() + 2 * Math.max(0, pingIntervalMillis)) {
        network.removePeer(peer);
        states.remove(peer);
        continue;
      }
      if (s == null || s.lastPing() + pingIntervalMillis <= now) {
        boolean pending = s != null && s.pending();
        states.put(peer, new PingState(now, pending ? s.pendingSince() : now, true));
        overlay.sendPing(peer);
      }
    }
  }

  /** Whether the peer was heard from at or after its first unanswered ping (millisecond clock). */
  private static boolean answered(Peer peer, PingState s) {
    return peer.lastResponse() >= s.pendingSince();
  }

  /** Peers pinged and not heard from since; a snapshot; call on the protocol thread. */
  public Set<Peer> pendingPeers() {
    Set<Peer> out = new HashSet<>();
    states.forEach(
        (p, s) -> {
          if (s.pending() && !answered(p, s)) {
            out.add(p);
          }
        });
    return Set.copyOf(out);
  }
}
