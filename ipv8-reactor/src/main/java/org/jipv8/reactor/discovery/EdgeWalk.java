package org.jipv8.reactor.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.NetworkOverlay;

/**
 * py-ipv8's {@code EdgeWalk} (runtime.md section 2.2): a depth-first crawl from a fixed
 * neighbourhood, growing one edge per neighbourhood root up to {@code edgeLength} peers.
 *
 * <p>Phase A, while fewer than {@code neighborhoodSize} peers are held: take the first {@code
 * neighborhoodSize} peers of the overlay as the neighbourhood, bootstrap, and walk to the first
 * {@code neighborhoodSize} walkable addresses. Once full, the neighbourhood is never refreshed.
 *
 * <p>Phase B: start an edge at a random root that has none (asking it for an introduction);
 * otherwise, for every edge under construction, look at every address its last peer ever
 * introduced: verified ones are candidates, the others are walked to. With candidates, a random one
 * extends the edge (completing it at {@code edgeLength}, else walking to it); without, an edge
 * silent for longer than {@code edgeTimeout} is finished, and kept only if it has more than one
 * peer. Completed edges accumulate (as in py, without bound).
 *
 * <p>Threading: {@code takeStep} runs on the protocol thread under the walk lock; inspection
 * methods take the walk lock.
 */
public final class EdgeWalk extends AbstractDiscoveryStrategy<NetworkOverlay> {
  /** py-ipv8's default parameters. */
  public static final int DEFAULT_EDGE_LENGTH = 4;

  public static final int DEFAULT_NEIGHBORHOOD_SIZE = 6;
  public static final Duration DEFAULT_EDGE_TIMEOUT = Duration.ofSeconds(3);

  private final int edgeLength;
  private final int neighborhoodSize;
  private final long edgeTimeoutMillis;
  private List<Peer> neighborhood = List.of();
  private final Map<Peer, List<Peer>> underConstruction = new LinkedHashMap<>();
  private final Map<Peer, Long> lastEdgeResponses = new HashMap<>();
  private final List<List<Peer>> completeEdges = new ArrayList<>();

  /** An edge walk with py-ipv8's defaults: edges of 4, neighbourhood of 6, 3 s edge timeout. */
  public EdgeWalk(NetworkOverlay overlay) {
    this(overlay, DEFAULT_EDGE_LENGTH, DEFAULT_NEIGHBORHOOD_SIZE, DEFAULT_EDGE_TIMEOUT);
  }

  /**
   * An edge walk.
   *
   * @param edgeLength the number of peers of a complete edge, root included
   * @param neighborhoodSize the number of roots
   * @param edgeTimeout how long an edge may go without growing before it is finished
   */
  public EdgeWalk(
      NetworkOverlay overlay, int edgeLength, int neighborhoodSize, Duration edgeTimeout) {
    super(Objects.requireNonNull(overlay, "overlay"));
    this.edgeLength = edgeLength;
    this.neighborhoodSize = neighborhoodSize;
    this.edgeTimeoutMillis = StrategyArgs.millis(edgeTimeout);
  }

  /**
   * Builds an edge walk from the {@code init} arguments {@code edge_length}, {@code
   * neighborhood_size} and {@code edge_timeout} (seconds); needs a {@link NetworkOverlay}.
   */
  public static StrategyFactory factory() {
    return (overlay, init) -> {
      StrategyArgs args =
          StrategyArgs.of(
              BuiltinStrategies.EDGE_WALK,
              init,
              "edge_length",
              "neighborhood_size",
              "edge_timeout");
      return new EdgeWalk(
          StrategyArgs.overlay(BuiltinStrategies.EDGE_WALK, overlay, NetworkOverlay.class),
          args.integer("edge_length", DEFAULT_EDGE_LENGTH),
          args.integer("neighborhood_size", DEFAULT_NEIGHBORHOOD_SIZE),
          args.seconds("edge_timeout", DEFAULT_EDGE_TIMEOUT));
    };
  }

  @Override
  public void takeStep() {
    // The strategy scheduler calls this on the protocol thread, where the overlay state lives:
    // no walk lock is needed (it stays in the API for strategies written the py-ipv8 way).
    step();
  }

  private void step() {
    if (neighborhood.isEmpty() || neighborhood.size() < neighborhoodSize) {
      neighborhood = List.copyOf(first(overlay.getPeers(), neighborhoodSize));
      overlay.bootstrap();
      for (Address a : first(overlay.getWalkableAddresses(), neighborhoodSize)) {
        overlay.walkTo(a);
      }
      return;
    }
    Peer root = availableRoot();
    if (root != null) {
      List<Peer> edge = new ArrayList<>();
      edge.add(root);
      underConstruction.put(root, edge);
      lastEdgeResponses.put(root, overlay.now());
      overlay.getNewIntroduction(root);
      return;
    }
    Network network = overlay.network();
    List<Peer> done = new ArrayList<>();
    for (Map.Entry<Peer, List<Peer>> e : underConstruction.entrySet()) {
      Peer edgeRoot = e.getKey();
      List<Peer> edge = e.getValue();
      List<Peer> introduced = new ArrayList<>();
      for (Address a : network.getIntroductionsFrom(edge.get(edge.size() - 1))) {
        Peer verified = network.getVerifiedByAddress(a);
        if (verified != null) {
          introduced.add(verified);
        } else {
          overlay.walkTo(a);
        }
      }
      if (!introduced.isEmpty()) {
        lastEdgeResponses.put(edgeRoot, overlay.now());
        Peer next = introduced.get(overlay.random().nextInt(introduced.size()));
        edge.add(next);
        if (edge.size() == edgeLength) {
          completeEdges.add(List.copyOf(edge));
          done.add(edgeRoot);
        } else {
          overlay.walkTo(next.address());
        }
      } else if (lastEdgeResponses.get(edgeRoot) + edgeTimeoutMillis < overlay.now()) {
        if (edge.size() > 1) {
          completeEdges.add(List.copyOf(edge));
        }
        done.add(edgeRoot);
      }
    }
    for (Peer p : done) {
      underConstruction.remove(p);
    }
  }

  private Peer availableRoot() {
    List<Peer> available = new ArrayList<>();
    for (Peer p : neighborhood) {
      if (!underConstruction.containsKey(p) && !available.contains(p)) {
        available.add(p);
      }
    }
    return available.isEmpty() ? null : available.get(overlay.random().nextInt(available.size()));
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.subList(0, Math.max(0, Math.min(n, list.size())));
  }

  /** The roots; a snapshot; call on the protocol thread. */
  public List<Peer> neighborhood() {
    return locked(() -> neighborhood);
  }

  /** Completed edges, oldest first; a snapshot; call on the protocol thread. */
  public List<List<Peer>> completeEdges() {
    return locked(() -> List.copyOf(completeEdges));
  }

  /** Edges being grown, by root; a snapshot; call on the protocol thread. */
  public Map<Peer, List<Peer>> edgesUnderConstruction() {
    return locked(
        () -> {
          Map<Peer, List<Peer>> copy = new LinkedHashMap<>();
          underConstruction.forEach((k, v) -> copy.put(k, List.copyOf(v)));
          return copy;
        });
  }

  /** Reads on the protocol thread (the state's only writer); callers copy what they return. */
  private static <T> T locked(Supplier<T> read) {
    return read.get();
  }
}
