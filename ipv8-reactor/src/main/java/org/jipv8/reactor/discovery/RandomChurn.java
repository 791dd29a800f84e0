package org.jipv8.reactor.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PingingOverlay;

/**
 * py-ipv8's {@code RandomChurn} (runtime.md section 2.3): samples verified peers of the whole
 * network, pings the silent and the not-yet-measured ones, and removes peers silent for longer than
 * {@code dropTime} that it pinged before.
 *
 * <p>One step, under the walk lock, for up to {@code sampleSize} distinct random verified peers of
 * the network:
 *
 * <ul>
 *   <li>past {@code dropTime} of silence and pinged by this strategy (by current address): removed
 *       from the network (so from every overlay sharing it);
 *   <li>otherwise, past {@code inactiveTime} of silence or with fewer than 5 round-trip samples:
 *       pinged, at most once per {@code pingInterval}.
 * </ul>
 *
 * <p>A peer whose last response is 0 (only known through an introduction) is never counted silent
 * or dropped. Entries of pinged addresses survive pongs; they are only refreshed when sampled
 * again.
 *
 * <p>Threading: {@code takeStep} runs on the protocol thread under the walk lock.
 */
public final class RandomChurn extends AbstractDiscoveryStrategy<PingingOverlay> {
  /** py-ipv8's default parameters. */
  public static final int DEFAULT_SAMPLE_SIZE = 8;

  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_INACTIVE_TIME = Duration.ofMillis(27_500);
  public static final Duration DEFAULT_DROP_TIME = Duration.ofMillis(57_500);

  private final int sampleSize;
  private final long pingIntervalMillis;
  private final long inactiveTimeMillis;
  private final long dropTimeMillis;
  private final Map<Address, Long> pinged = new HashMap<>();

  /** A churn with py-ipv8's defaults: 8 samples, 10 s ping interval, 27.5 s and 57.5 s. */
  public RandomChurn(PingingOverlay overlay) {
    this(
        overlay,
        DEFAULT_SAMPLE_SIZE,
        DEFAULT_PING_INTERVAL,
        DEFAULT_INACTIVE_TIME,
        DEFAULT_DROP_TIME);
  }

  /**
   * A churn.
   *
   * @param sampleSize peers looked at per step; 0 disables the strategy
   * @param pingInterval the minimum time between pings to one address (negative: every step)
   * @param inactiveTime silence after which a peer is pinged
   * @param dropTime silence after which a pinged peer is removed
   * @throws IllegalArgumentException when {@code sampleSize} is negative
   */
  public RandomChurn(
      PingingOverlay overlay,
      int sampleSize,
      Duration pingInterval,
      Duration inactiveTime,
      Duration dropTime) {
    super(Objects.requireNonNull(overlay, "overlay"));
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sample_size must be 0 or more, was " + sampleSize);
    }
    this.sampleSize = sampleSize;
    this.pingIntervalMillis = StrategyArgs.millis(pingInterval);
    this.inactiveTimeMillis = StrategyArgs.millis(inactiveTime);
    this.dropTimeMillis = StrategyArgs.millis(dropTime);
  }

  /**
   * Builds a churn from the {@code init} arguments {@code sample_size}, {@code ping_interval},
   * {@code inactive_time} and {@code drop_time} (seconds); needs a {@link PingingOverlay}.
   */
  public static StrategyFactory factory() {
    return (overlay, init) -> {
      StrategyArgs args =
          StrategyArgs.of(
              BuiltinStrategies.RANDOM_CHURN,
              init,
              "sample_size",
              "ping_interval",
              "inactive_time",
              "drop_time");
      int sampleSize = args.integer("sample_size", DEFAULT_SAMPLE_SIZE);
      if (sampleSize < 0) {
        throw new IllegalArgumentException(
            "init argument 'sample_size' of strategy RandomChurn must be 0 or more, got "
                + sampleSize);
      }
      return new RandomChurn(
          StrategyArgs.overlay(BuiltinStrategies.RANDOM_CHURN, overlay, PingingOverlay.class),
          sampleSize,
          args.seconds("ping_interval", DEFAULT_PING_INTERVAL),
          args.seconds("inactive_time", DEFAULT_INACTIVE_TIME),
          args.seconds("drop_time", DEFAULT_DROP_TIME));
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
    List<Peer> all = network.verifiedPeers();
    int k = Math.min(all.size(), sampleSize);
    if (k == 0) {
      return;
    }
    long now = overlay.now();
    for (Peer peer : sample(all, k, overlay.random())) {
      Address address = peer.address();
      if (silentFor(peer, now, dropTimeMillis) && pinged.containsKey(address)) {
        network.removePeer(peer);
        pinged.remove(address);
      } else if (silentFor(peer, now, inactiveTimeMillis) || !peer.pingsFull()) {
        Long last = pinged.get(address);
        if (last != null && now > last + pingIntervalMillis) {
          pinged.remove(address);
        }
        if (!pinged.containsKey(address)) {
          pinged.put(address, now);
          overlay.sendPing(peer);
        }
      }
    }
  }

  private static boolean silentFor(Peer peer, long now, long millis) {
    long last = peer.lastResponse();
    return last != 0 && now > last + millis;
  }

  /** {@code k} distinct elements in random order (a partial Fisher-Yates shuffle). */
  static <T> List<T> sample(List<T> population, int k, RandomGenerator random) {
    List<T> pool = new ArrayList<>(population);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(pool.size() - i);
      T tmp = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, tmp);
    }
    return pool.subList(0, k);
  }

  /**
   * Pinged addresses with the overlay time (millis) of the ping; a snapshot; call on the protocol
   * thread.
   */
  public Map<Address, Long> pinged() {
    return Map.copyOf(pinged);
  }
}
