package org.jipv8.reactor.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.endpoint.MessageStatistics;
import reactor.core.scheduler.Scheduler;

/**
 * An in-memory internet for many IPv8 nodes in one JVM, for testing communities (yours included)
 * deterministically and fast.
 *
 * <pre>{@code
 * VirtualTimeScheduler time = VirtualTimeScheduler.create();
 * SimulatedNetwork net = SimulatedNetwork.builder()
 *     .scheduler(time)
 *     .seed(42)
 *     .lossProbability(0.05)
 *     .latency(Duration.ofMillis(20), Duration.ofMillis(10))
 *     .build();
 * SimulatedEndpoint a = net.newEndpoint();
 * SimulatedEndpoint b = net.newEndpointBehindNat(NatType.ADDRESS_RESTRICTED);
 * ... open them, start nodes on them ...
 * time.advanceTimeBy(Duration.ofSeconds(30));
 * }</pre>
 *
 * <h2>Model</h2>
 *
 * Public endpoints get unique loopback-looking addresses {@code 127.x.y.z:8090} (so that a
 * simulated address leaked into a real socket stays on this machine). A NAT ({@link #newNat}) has a
 * public {@code 127.x.y.z} address and a private LAN {@code 10.x.y.0/24}; its endpoints reach each
 * other directly by LAN address and everything else through the NAT (see {@link NatType}). A LAN
 * address is unreachable from outside its LAN. Every datagram is subject to the {@link
 * LinkConditions}; NAT translation happens when it is sent, NAT filtering and the lookup of the
 * destination when it arrives.
 *
 * <h2>Determinism</h2>
 *
 * All randomness comes from one {@link RandomGenerator} seeded by {@link
 * SimulatedNetworkBuilder#seed}, and every delivery is a task on the network's {@link Scheduler}.
 * With a single-threaded scheduler (a {@code VirtualTimeScheduler} above all) and sends made in a
 * deterministic order (for instance from tasks on that same scheduler), two runs with the same seed
 * deliver the same datagrams at the same virtual times in the same order. Deliveries are never run
 * inside {@code send()}: each is scheduled at least one nanosecond later.
 *
 * <p>Threading: all methods are thread-safe (one lock guards routing, NAT tables and the random
 * generator). Datagrams are delivered, and {@code receive()} subscribers called, on the scheduler's
 * thread.
 */
public final class SimulatedNetwork {
  /** The port of auto-assigned addresses (py-ipv8's default). */
  public static final int DEFAULT_PORT = 8090;

  private final Object lock = new Object();
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private volatile LinkConditions conditions;

  private final Map<Address, SimulatedEndpoint> endpointsByAddress = new HashMap<>();
  private final Map<String, SimulatedNat> natsByIp = new HashMap<>();
  private final Set<String> hostsInUse = new HashSet<>();
  private final List<SimulatedEndpoint> endpoints = new ArrayList<>();
  private final List<SimulatedNat> nats = new ArrayList<>();
  private final Map<SimulatedNat, Integer> lanHostCounters = new HashMap<>();
  private int nextPublicHost = 0x00_01_01; // 127.0.1.1

  private final LongAdder sent = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder lost = new LongAdder();
  private final LongAdder duplicated = new LongAdder();
  private final LongAdder reordered = new LongAdder();
  private final LongAdder natBlocked = new LongAdder();
  private final LongAdder unreachable = new LongAdder();

  SimulatedNetwork(Scheduler scheduler, RandomGenerator random, LinkConditions conditions) {
    this.scheduler = scheduler;
    this.random = random;
    this.conditions = conditions;
  }

  /** A builder: perfect links, seed 0, Reactor's shared single-thread scheduler. */
  public static SimulatedNetworkBuilder builder() {
    return new SimulatedNetworkBuilder();
  }

  /** The scheduler deliveries run on. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The current link conditions. */
  public LinkConditions conditions() {
    return conditions;
  }

  /**
   * Replaces the link conditions for datagrams sent from now on (to simulate an outage, for
   * example). Datagrams already in flight keep their fate.
   */
  public void setConditions(LinkConditions newConditions) {
    this.conditions = Objects.requireNonNull(newConditions, "newConditions");
  }

  /** A new public endpoint with the next free address {@code 127.x.y.z:8090}. */
  public SimulatedEndpoint newEndpoint() {
    synchronized (lock) {
      return register(Address.ipv4(nextPublicIp(), DEFAULT_PORT), null);
    }
  }

  /**
   * A new public endpoint with the given address.
   *
   * @throws IllegalArgumentException when an endpoint or NAT already uses it
   */
  public SimulatedEndpoint newEndpoint(Address address) {
    Objects.requireNonNull(address, "address");
    synchronized (lock) {
      if (endpointsByAddress.containsKey(address) || natsByIp.containsKey(address.host())) {
        throw new IllegalArgumentException(
            "simulated address " + address + " is already in use; pick another or newEndpoint()");
      }
      return register(address, null);
    }
  }

  /** A new NAT device with its own public IP and LAN, initially empty. */
  public SimulatedNat newNat(NatType type) {
    Objects.requireNonNull(type, "type");
    synchronized (lock) {
      SimulatedNat nat = new SimulatedNat(this, type, nextPublicIp(), nats.size() + 1);
      nats.add(nat);
      natsByIp.put(nat.publicIp(), nat);
      return nat;
    }
  }

  /** A new endpoint alone behind a new NAT of {@code type}. */
  public SimulatedEndpoint newEndpointBehindNat(NatType type) {
    return newNat(type).newEndpoint();
  }

  /** All endpoints, in creation order. */
  public List<SimulatedEndpoint> endpoints() {
    synchronized (lock) {
      return List.copyOf(endpoints);
    }
  }

  /** A snapshot of what happened to the datagrams so far. */
  public SimulationStatistics statistics() {
    return new SimulationStatistics(
        sent.sum(),
        delivered.sum(),
        lost.sum(),
        duplicated.sum(),
        reordered.sum(),
        natBlocked.sum(),
        unreachable.sum());
  }

  @Override
  public String toString() {
    return "SimulatedNetwork[" + endpoints.size() + " endpoints, " + nats.size() + " NATs]";
  }

  // ---------------------------------------------------------------- endpoints and NATs

  Object lock() {
    return lock;
  }

  SimulatedEndpoint newEndpointBehind(SimulatedNat nat) {
    synchronized (lock) {
      int host = lanHostCounters.merge(nat, 1, Integer::sum);
      if (host > 254) {
        throw new IllegalStateException(nat + " has no free LAN address left (254 at most)");
      }
      SimulatedEndpoint endpoint =
          register(Address.ipv4(nat.lanAddressFor(host), DEFAULT_PORT), nat);
      nat.attach(endpoint);
      return endpoint;
    }
  }

  private SimulatedEndpoint register(Address address, SimulatedNat nat) {
    MessageStatistics stats =
        MessageStatistics.create(() -> Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS)));
    SimulatedEndpoint endpoint = new SimulatedEndpoint(this, address, nat, stats);
    endpointsByAddress.put(address, endpoint);
    hostsInUse.add(address.host());
    endpoints.add(endpoint);
    return endpoint;
  }

  private String nextPublicIp() {
    while (true) {
      int n = nextPublicHost++;
      int c = (n >> 8) & 0xff;
      int d = n & 0xff;
      if (n > 0xFF_FF_FE) {
        throw new IllegalStateException("the simulated network ran out of 127.x.y.z addresses");
      }
      if (d == 0 || d == 255) {
        continue;
      }
      String ip = "127." + ((n >> 16) & 0xff) + "." + c + "." + d;
      if (!natsByIp.containsKey(ip) && !hostsInUse.contains(ip)) {
        return ip;
      }
    }
  }

  // ---------------------------------------------------------------- datagrams

  /** Takes one datagram from an open endpoint into the simulation. Any thread. */
  void transmit(SimulatedEndpoint from, Address destination, byte[] data) {
    sent.increment();
    LinkConditions link = conditions;
    Address source;
    long delay;
    long duplicateDelay = -1;
    synchronized (lock) {
      source = sourceSeenFrom(from, destination);
      if (random.nextDouble() < link.lossProbability()) {
        lost.increment();
        from.recordLoss();
        return;
      }
      delay = delayOf(link);
      if (random.nextDouble() < link.duplicationProbability()) {
        duplicated.increment();
        duplicateDelay = delayOf(link);
      }
    }
    schedule(from, source, destination, data, delay);
    if (duplicateDelay >= 0) {
      schedule(from, source, destination, data, duplicateDelay);
    }
  }

  /** Lock held. The source address the destination will see (NAT translation happens here). */
  private Address sourceSeenFrom(SimulatedEndpoint from, Address destination) {
    SimulatedNat nat = from.nat();
    if (nat == null || isOnLan(nat, destination)) {
      return from.localAddress();
    }
    return nat.outbound(from, destination);
  }

  private boolean isOnLan(SimulatedNat nat, Address destination) {
    SimulatedEndpoint target = endpointsByAddress.get(destination);
    return target != null && target.nat() == nat;
  }

  /** Lock held. Draws one delivery delay in nanoseconds (at least 1). */
  private long delayOf(LinkConditions link) {
    long nanos = link.latency().toNanos();
    long jitter = link.jitter().toNanos();
    if (jitter > 0) {
      nanos += random.nextLong(jitter + 1);
    }
    if (random.nextDouble() < link.reorderProbability()) {
      reordered.increment();
      nanos += link.reorderDelay().toNanos();
    }
    return Math.max(1, nanos);
  }

  private void schedule(
      SimulatedEndpoint from, Address source, Address destination, byte[] data, long delay) {
    try {
      scheduler.schedule(
          () -> arrive(from, source, destination, data), delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      unreachable.increment();
      from.recordLoss();
    }
  }

  /** A datagram reaches its destination address. Scheduler thread. */
  private void arrive(SimulatedEndpoint from, Address source, Address destination, byte[] data) {
    SimulatedEndpoint target;
    synchronized (lock) {
      target = resolve(from, source, destination);
    }
    if (target == null) {
      from.recordLoss();
      return;
    }
    // Each delivery gets its own array: receivers own what they are given.
    if (target.deliver(source, data.clone())) {
      delivered.increment();
    } else {
      unreachable.increment();
      from.recordLoss();
    }
  }

  /** Lock held. The endpoint a datagram reaches, or null (counted) when it reaches none. */
  private SimulatedEndpoint resolve(SimulatedEndpoint from, Address source, Address destination) {
    SimulatedEndpoint direct = endpointsByAddress.get(destination);
    if (direct != null) {
      if (direct.nat() != null && direct.nat() != from.nat()) {
        // A private LAN address is not routable from outside its LAN.
        unreachable.increment();
        return null;
      }
      return direct;
    }
    SimulatedNat nat = natsByIp.get(destination.host());
    if (nat != null) {
      SimulatedEndpoint inside = nat.inbound(destination.port(), source);
      if (inside == null) {
        natBlocked.increment();
      }
      return inside;
    }
    unreachable.increment();
    return null;
  }
}
