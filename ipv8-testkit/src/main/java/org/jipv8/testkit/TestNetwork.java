package org.jipv8.testkit;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Loopback;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.OverlayFactory;
import org.jipv8.reactor.sim.LinkConditions;
import org.jipv8.reactor.sim.NatType;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.sim.SimulationStatistics;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * N whole nodes of your community in one JVM, on the simulated network and one virtual clock
 * (py-ipv8's {@code TestBase} with its mock IPv8 nodes). Each node is a real {@link Ipv8}: its
 * endpoint, strategy loop, handlers and timers are the production ones; only the socket and the
 * clock are simulated. Everything is deterministic for a seed: keys, random choices, loss, jitter.
 *
 * <pre>{@code
 * try (TestNetwork<ClockCommunity> net =
 *     TestNetwork.of(ClockCommunity.class, ClockCommunity::new).nodes(3).start()) {
 *   net.introduceAll();
 *   net.run(() -> net.community(0).sendNow(net.community(1).myPeer(), new ClockMessage(7)));
 *   net.deliverAll();
 *   assertEquals(1, net.capture().count(ClockMessage.class));
 * }
 * }</pre>
 *
 * <p>Nothing runs until the test moves the clock: {@link #advance(Duration)} runs everything that
 * becomes due, {@link #deliverAll()} runs until no datagram is in flight, {@link #run(Runnable)}
 * runs an action as a task of the nodes' protocol thread. Node {@code i} (from 0) has the simulated
 * address {@link #address(int)}; {@link #capture()} holds every datagram sent.
 *
 * <p>Threading: use a network from one test thread; the nodes' protocol thread is the virtual
 * clock, which runs on the thread that advances it.
 *
 * @param <C> the community under test
 */
public final class TestNetwork<C extends Community> implements AutoCloseable {
  /** Where virtual time starts, so that "time 0" never means "now" (2023-11-14T22:13:20Z). */
  public static final long EPOCH_MILLIS = 1_700_000_000_000L;

  /** The most virtual time {@link #deliverAll()} waits for the network to become quiet. */
  public static final Duration DELIVER_LIMIT = Duration.ofSeconds(60);

  private static final Duration STEP = Duration.ofMillis(1);

  private final VirtualTimeScheduler clock;
  private final SimulatedNetwork network;
  private final MessageCapture capture;
  private final List<Ipv8> nodes = new ArrayList<>();
  private final List<C> communities = new ArrayList<>();
  private final List<SimulatedEndpoint> endpoints = new ArrayList<>();
  private final Class<C> type;

  TestNetwork(TestNetworkBuilder<C> b) {
    this.type = b.definition.type();
    this.clock = VirtualTimeScheduler.create();
    clock.advanceTimeTo(java.time.Instant.ofEpochMilli(EPOCH_MILLIS));
    this.network =
        SimulatedNetwork.builder().scheduler(clock).seed(b.seed).conditions(b.conditions).build();
    SecureRandom keyRandom = seededKeyRandom(b.seed);
    this.capture = new MessageCapture();
    try {
      for (int i = 0; i < b.nodes; i++) {
        NatType nat = b.nats.get(i);
        SimulatedEndpoint endpoint =
            nat == null ? network.newEndpoint() : network.newEndpointBehindNat(nat);
        endpoints.add(endpoint);
        byte[] key = Keys.generate(KeyType.CURVE25519, keyRandom).toPrivateBin();
        ConfigBuilder config =
            Loopback.configurationBuilder(0)
                .clearKeys()
                .addEphemeralKey(Loopback.KEY_ALIAS, () -> key)
                .setWalkerInterval(b.walkerInterval.toNanos() / 1e9);
        Ipv8 node =
            Ipv8.builder()
                .configuration(config.finalizeConfig())
                .overlay(b.definition)
                .endpoint(new CapturingEndpoint(endpoint, i, clock, capture))
                .protocolScheduler(clock)
                .verifyScheduler(clock)
                .random(new SplittableRandom(b.seed * 31 + i))
                .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
                .loopbackOnly(true)
                .build();
        nodes.add(node);
        C community = node.getOverlay(type);
        communities.add(community);
        capture.usePrefix(community.prefix());
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    List<Throwable> failures = new ArrayList<>();
    for (Ipv8 node : nodes) {
      node.start().subscribe(n -> {}, failures::add);
      clock.advanceTime();
    }
    if (!failures.isEmpty()) {
      close();
      throw new IllegalStateException(
          "a test node failed to start: " + failures.get(0).getMessage(), failures.get(0));
    }
  }

  private static SecureRandom seededKeyRandom(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
    }
  }

  /**
   * A builder for a network of nodes each running one community made by {@code factory}. The
   * community class is registered in code (no configuration file, no class names as strings).
   */
  public static <C extends Community> TestNetworkBuilder<C> of(
      Class<C> type, OverlayFactory<C> factory) {
    return new TestNetworkBuilder<>(
        OverlayDefinition.of(type, factory),
        2,
        42,
        LinkConditions.PERFECT,
        Map.of(),
        Duration.ofMillis(500));
  }

  /** The number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** Node {@code i}'s community. */
  public C community(int i) {
    return communities.get(i);
  }

  /** Every node's community, by node index. */
  public List<C> communities() {
    return List.copyOf(communities);
  }

  /** Node {@code i} itself (strategies, endpoint statistics, other overlays). */
  public Ipv8 node(int i) {
    return nodes.get(i);
  }

  /**
   * Where the other nodes reach node {@code i}: its simulated address, or for a node behind a NAT
   * its LAN address (reachable only from its own LAN; introductions and puncturing find the rest).
   */
  public Address address(int i) {
    return endpoints.get(i).localAddress();
  }

  /**
   * The peer that node {@code from} knows node {@code to} as (its key and the address it reaches it
   * at), for sends and requests from {@code from} to {@code to}.
   *
   * @throws IllegalStateException when {@code from} does not know {@code to} (yet)
   */
  public Peer peer(int from, int to) {
    Peer target = community(to).myPeer();
    return community(from).getPeers().stream()
        .filter(target::equals)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "node "
                        + from
                        + " does not know node "
                        + to
                        + "; introduceAll() or advance() first"));
  }

  /** The virtual clock: the nodes' protocol and verification scheduler and the network's. */
  public VirtualTimeScheduler clock() {
    return clock;
  }

  /** Virtual milliseconds since the epoch. */
  public long now() {
    return clock.now(TimeUnit.MILLISECONDS);
  }

  /** The simulated network underneath (statistics, NATs, more endpoints). */
  public SimulatedNetwork network() {
    return network;
  }

  /** Every datagram the nodes sent so far. */
  public MessageCapture capture() {
    return capture;
  }

  /** Replaces the link conditions for datagrams sent from now on (an outage, a lossy spell). */
  public void setConditions(LinkConditions conditions) {
    network.setConditions(conditions);
  }

  /** Runs {@code action} as a task of the protocol thread, then everything due now. */
  public void run(Runnable action) {
    clock.schedule(action);
    clock.advanceTime();
  }

  /** Moves virtual time forward, running everything that becomes due. */
  public void advance(Duration duration) {
    clock.advanceTimeBy(duration);
  }

  /**
   * Runs the clock in 1 ms steps until no datagram is in flight (every datagram sent was delivered,
   * lost or refused), so that replies to replies are delivered too.
   *
   * @throws IllegalStateException when the network is not quiet after {@link #DELIVER_LIMIT}
   */
  public void deliverAll() {
    clock.advanceTime();
    long steps = DELIVER_LIMIT.dividedBy(STEP);
    for (long i = 0; i < steps && inFlight() > 0; i++) {
      clock.advanceTimeBy(STEP);
    }
    if (inFlight() > 0) {
      throw new IllegalStateException(
          inFlight() + " datagram(s) still in flight after " + DELIVER_LIMIT + " of virtual time");
    }
  }

  /** Datagrams sent and not yet delivered, lost or refused. */
  public long inFlight() {
    SimulationStatistics s = network.statistics();
    return s.sent() + s.duplicated() - s.delivered() - s.lost() - s.natBlocked() - s.unreachable();
  }

  /**
   * Introduces every node to every other (each walks to each), then {@link #deliverAll()}. On
   * perfect links every node then has every other as a peer (up to its {@code max_peers}).
   */
  public void introduceAll() {
    run(
        () -> {
          for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
              if (i != j) {
                communities.get(i).walkTo(address(j));
              }
            }
          }
        });
    deliverAll();
  }

  /** Stops every node and disposes the clock. */
  @Override
  public void close() {
    for (Ipv8 node : nodes) {
      node.stop().subscribe(v -> {}, e -> {});
    }
    clock.advanceTime();
    clock.dispose();
  }

  @Override
  public String toString() {
    return "TestNetwork[" + size() + " x " + type.getSimpleName() + "]";
  }
}
