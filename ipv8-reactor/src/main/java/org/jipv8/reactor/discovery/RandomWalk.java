package org.jipv8.reactor.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.NetworkOverlay;

/**
 * py-ipv8's {@code RandomWalk} (runtime.md section 2.1): walk to a random introduced address, at
 * most {@code windowSize} walks outstanding per {@code timeout}; occasionally (or when nothing is
 * walkable) ask a peer for a new introduction instead.
 *
 * <p>One step, under the walk lock:
 *
 * <ol>
 *   <li>Walks older than {@code timeout} (strictly) are forgotten; an address among them that did
 *       not become a verified peer is removed from the network.
 *   <li>With a positive {@code targetInterval}, return if the last step was at most that long ago.
 *   <li>With a positive {@code windowSize}, return if that many walks are outstanding.
 *   <li>If some walkable address is not outstanding and a uniform draw from {@code [0, 255]} is at
 *       least {@code resetChance}: walk to a uniformly random such address. Otherwise call {@code
 *       getNewIntroduction(null)}.
 * </ol>
 *
 * <p>Time and randomness come from the overlay. The first step is never throttled by {@code
 * targetInterval} (py compares with an epoch clock against a last step of 0).
 *
 * <p>Threading: {@code takeStep} runs on the protocol thread; inspection methods take the walk lock
 * and may be called from any thread.
 */
public final class RandomWalk extends AbstractDiscoveryStrategy<NetworkOverlay> {
  /** py-ipv8's default parameters. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  public static final int DEFAULT_WINDOW_SIZE = 5;
  public static final int DEFAULT_RESET_CHANCE = 50;
  public static final Duration DEFAULT_TARGET_INTERVAL = Duration.ZERO;

  private final long timeoutMillis;
  private final int windowSize;
  private final int resetChance;
  private final long targetIntervalMillis;
  private final Map<Address, Long> introTimeouts = new LinkedHashMap<>();
  private long lastStep;
  private boolean stepped;

  /** A walk with py-ipv8's defaults: 3 s timeout, window 5, reset chance 50/256, no throttle. */
  public RandomWalk(NetworkOverlay overlay) {
    this(
        overlay,
        DEFAULT_TIMEOUT,
        DEFAULT_WINDOW_SIZE,
        DEFAULT_RESET_CHANCE,
        DEFAULT_TARGET_INTERVAL);
  }

  /**
   * A walk.
   *
   * @param timeout after which an unanswered walk no longer counts and its address, if still not a
   *     verified peer, is dropped
   * @param windowSize the maximum of outstanding walks; zero or negative: unlimited
   * @param resetChance the chance, out of 256, of asking for an introduction instead of walking;
   *     zero or below always walks when it can
   * @param targetInterval the minimum time between steps; zero or negative: every round
   */
  public RandomWalk(
      NetworkOverlay overlay,
      Duration timeout,
      int windowSize,
      int resetChance,
      Duration targetInterval) {
    super(Objects.requireNonNull(overlay, "overlay"));
    this.timeoutMillis = StrategyArgs.millis(timeout);
    this.windowSize = windowSize;
    this.resetChance = resetChance;
    this.targetIntervalMillis = StrategyArgs.millis(targetInterval);
  }

  /**
   * Builds a walk from the {@code init} arguments {@code timeout}, {@code window_size}, {@code
   * reset_chance} and {@code target_interval} (seconds for times); needs a {@link NetworkOverlay}.
   */
  public static StrategyFactory factory() {
    return (overlay, init) -> {
      StrategyArgs args =
          StrategyArgs.of(
              BuiltinStrategies.RANDOM_WALK,
              init,
              "timeout",
              "window_size",
              "reset_chance",
              "target_interval");
      return new RandomWalk(
          StrategyArgs.overlay(BuiltinStrategies.RANDOM_WALK, overlay, NetworkOverlay.class),
          args.seconds("timeout", DEFAULT_TIMEOUT),
          args.integer("window_size", DEFAULT_WINDOW_SIZE),
          args.integer("reset_chance", DEFAULT_RESET_CHANCE),
          args.seconds("target_interval", DEFAULT_TARGET_INTERVAL));
    };
  }

  @Override
  public void takeStep() {
    // The strategy scheduler calls this on the protocol thread, where the overlay state lives:
    // no walk lock is needed (it stays in the API for strategies written the py-ipv8 way).
    step();
  }

  private void step() {
    Network network = overlay.network();
    long now = overlay.now();
    for (Iterator<Map.Entry<Address, Long>> it = introTimeouts.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Address, Long> walk = it.next();
      if (walk.getValue() + timeoutMillis < now) {
        it.remove();
        if (network.getVerifiedByAddress(walk.getKey()) == null) {
          network.removeByAddress(walk.getKey());
        }
      }
    }
    if (targetIntervalMillis > 0 && stepped && lastStep + targetIntervalMillis >= now) {
      return;
    }
    if (windowSize > 0 && windowSize <= introTimeouts.size()) {
      return;
    }
    Set<Address> candidates = new LinkedHashSet<>(overlay.getWalkableAddresses());
    candidates.removeAll(introTimeouts.keySet());
    List<Address> available = new ArrayList<>(candidates);
    if (!available.isEmpty() && overlay.random().nextInt(256) >= resetChance) {
      Address target = available.get(overlay.random().nextInt(available.size()));
      overlay.walkTo(target);
      introTimeouts.put(target, now);
    } else {
      overlay.getNewIntroduction(null);
    }
    lastStep = now;
    stepped = true;
  }

  /**
   * Outstanding walks: address to the overlay time (millis) of the walk; a snapshot; call on the
   * protocol thread.
   */
  public Map<Address, Long> outstandingWalks() {
    return Map.copyOf(introTimeouts);
  }

  /** The timeout, in milliseconds. */
  public long timeoutMillis() {
    return timeoutMillis;
  }

  /** The window size. */
  public int windowSize() {
    return windowSize;
  }

  /** The reset chance out of 256. */
  public int resetChance() {
    return resetChance;
  }

  /** The minimum time between steps, in milliseconds. */
  public long targetIntervalMillis() {
    return targetIntervalMillis;
  }
}
