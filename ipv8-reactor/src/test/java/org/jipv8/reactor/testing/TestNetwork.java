package org.jipv8.reactor.testing;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * N IPv8 nodes in one test, on one {@link VirtualTimeScheduler} and one {@link MemoryInternet}
 * (py-ipv8's {@code TestBase} with {@code MockIPv8}). Everything is deterministic: keys, random
 * choices and time. Nothing runs until the test advances the clock ({@link #advance()} runs what is
 * due now, {@link #advance(Duration)} moves time).
 *
 * <pre>{@code
 * try (TestNetwork net = TestNetwork.create()) {
 *   DiscoveryCommunity a = net.node().add(DiscoveryCommunity::new);
 *   DiscoveryCommunity b = net.node().add(DiscoveryCommunity::new);
 *   a.walkTo(net.nodes().get(1).wan());
 *   net.advance();
 *   assertEquals(1, a.getPeers().size());
 * }
 * }</pre>
 *
 * <p>The clock starts at a fixed epoch (2023-11-14T22:13:20Z) so that "time 0" never means "now".
 * Node i (from 1) has LAN {@code 127.0.1.i:(8000+i)} and WAN {@code 127.0.2.i:(18000+i)}.
 */
public final class TestNetwork implements AutoCloseable {
  /** Where virtual time starts. */
  public static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

  private final VirtualTimeScheduler scheduler;
  private final MemoryInternet internet;
  private final List<TestNode> nodes = new ArrayList<>();
  private final long seed;
  private final SecureRandom keyRandom;

  private TestNetwork(long seed) {
    this.seed = seed;
    this.scheduler = VirtualTimeScheduler.create();
    scheduler.advanceTimeTo(EPOCH);
    this.internet = new MemoryInternet(scheduler);
    try {
      this.keyRandom = SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    keyRandom.setSeed(seed);
  }

  /** A network with seed 42. */
  public static TestNetwork create() {
    return new TestNetwork(42);
  }

  /** A network whose keys and random choices derive from {@code seed}. */
  public static TestNetwork create(long seed) {
    return new TestNetwork(seed);
  }

  /** The shared virtual clock and scheduler. */
  public VirtualTimeScheduler scheduler() {
    return scheduler;
  }

  /** The in-memory internet (send log, latency). */
  public MemoryInternet internet() {
    return internet;
  }

  /** Virtual milliseconds now. */
  public long now() {
    return scheduler.now(TimeUnit.MILLISECONDS);
  }

  /** A node with a fresh deterministic curve25519 key and the next default addresses. */
  public TestNode node() {
    int i = nodes.size() + 1;
    return node(
        Keys.generate(KeyType.CURVE25519, keyRandom),
        Address.ipv4("127.0.1." + i, 8000 + i),
        Address.ipv4("127.0.2." + i, 18000 + i));
  }

  /** A node with the given key and addresses. */
  public TestNode node(PrivateKey key, Address lan, Address wan) {
    MemoryEndpoint endpoint = internet.endpoint(lan, wan).openNow();
    Peer myPeer = Peer.own(key, this::now);
    TestNode node =
        new TestNode(scheduler, endpoint, myPeer, new SplittableRandom(seed * 31 + nodes.size()));
    nodes.add(node);
    return node;
  }

  /** The nodes in creation order. */
  public List<TestNode> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * Runs {@code action} as a task of the protocol scheduler, as handlers and strategy steps run:
   * what it sends is delivered after it returned, then everything due now runs.
   */
  public void run(Runnable action) {
    scheduler.schedule(action);
    scheduler.advanceTime();
  }

  /** Runs everything due at the current virtual time (deliveries, handlers, replies). */
  public void advance() {
    scheduler.advanceTime();
  }

  /** Moves virtual time forward, running everything that becomes due. */
  public void advance(Duration duration) {
    scheduler.advanceTimeBy(duration);
  }

  /** Unloads every community and disposes the scheduler. */
  @Override
  public void close() {
    for (TestNode n : nodes) {
      for (Community c : n.communities()) {
        c.unload().subscribe();
      }
      n.endpoint().close().subscribe();
    }
    scheduler.advanceTime();
    scheduler.dispose();
  }
}
