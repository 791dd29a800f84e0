package org.jipv8.reactor.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.IntroductionMessages;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A bootstrap server ("tracker"), compatible with py-ipv8's {@code tracker_service.py} (wire spec
 * 7.3): it answers old-style introduction-requests for ANY community, introduces members of the
 * same community to each other, and drops members that stop answering its probes.
 *
 * <ul>
 *   <li>On a signed 246 with prefix P: the sender becomes a member of community P (contact = UDP
 *       source, LAN = its claimed LAN address). A random other member of P, if any, is first sent a
 *       250 puncture-request, then the sender gets a 245 introducing that member.
 *   <li>Every {@code probeInterval} each member gets a 246 probe in each of its communities; no 245
 *       with that identifier within {@code probeTimeout}, or a 245 with {@code peer_limit_reached},
 *       drops it from that community. A member without communities is forgotten; at most {@code
 *       maxPeers} members are kept, oldest dropped first.
 *   <li>Every other datagram is ignored and counted; nothing from the network can stop it.
 * </ul>
 *
 * <p>Threading: all state lives on the injected protocol scheduler, without locks; the readers
 * ({@link #members}, {@link #memberCount}) return immutable snapshots taken after every change and
 * are safe from any thread. The mutators assert that they run on one thread, the first that ran a
 * task of the server.
 */
public final class BootstrapServer {
  private static final Logger log = LoggerFactory.getLogger(BootstrapServer.class);
  private static final int ID_INTRO_REQUEST = 246;
  private static final int ID_INTRO_RESPONSE = 245;

  private record Member(Address contact, Address lan, long since) {}

  private record Probe(Address member, String prefixHex, int identifier) {}

  private final Endpoint endpoint;
  private final Peer me;
  private final Scheduler scheduler;
  private final boolean ownScheduler;
  private final RandomGenerator random;
  private final int maxPeers;
  private final Duration probeInterval;
  private final Duration probeTimeout;
  // prefix (hex) -> members by contact address, in arrival order
  private final Map<String, LinkedHashMap<Address, Member>> communities = new HashMap<>();
  private final Map<String, byte[]> prefixes = new HashMap<>();
  // contact address -> first time seen, oldest first
  private final LinkedHashMap<Address, Long> memberSince = new LinkedHashMap<>();
  private final Map<Probe, Long> pendingProbes = new HashMap<>();
  private final Map<DropReason, AtomicLong> drops = new EnumMap<>(DropReason.class);
  private final AtomicLong introductions = new AtomicLong();
  private final AtomicLong responses = new AtomicLong();
  private final Disposable.Composite running = Disposables.composite();
  private volatile Map<String, List<Address>> memberSnapshot = Map.of();
  private volatile int memberCountSnapshot;
  // The thread that first ran a task of the server; the mutators assert they stay on it.
  private volatile Thread protocolThread;

  private BootstrapServer(Builder b) {
    this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
    // A daemon thread of its own when none is given, so a tracker never keeps the JVM alive.
    this.scheduler = b.scheduler != null ? b.scheduler : Schedulers.newSingle("ipv8-tracker", true);
    this.ownScheduler = b.scheduler == null;
    PrivateKey key = b.key != null ? b.key : Keys.generate(KeyType.VERY_LOW);
    this.me = Peer.own(key, () -> scheduler.now(TimeUnit.MILLISECONDS));
    this.random = b.random != null ? b.random : new Random();
    this.maxPeers = b.maxPeers;
    this.probeInterval = b.probeInterval;
    this.probeTimeout = b.probeTimeout;
    for (DropReason r : DropReason.values()) {
      drops.put(r, new AtomicLong());
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening (opening the endpoint if needed) and probing. */
  public Mono<Void> start() {
    Mono<?> open = endpoint.isOpen() ? Mono.empty() : endpoint.open();
    return open.then(
        Mono.fromRunnable(
            () -> {
              running.add(
                  endpoint
                      .receive()
                      .publishOn(scheduler)
                      .subscribe(
                          this::onDatagramSafely, e -> log.error("receive stream ended", e)));
              running.add(
                  Flux.interval(probeInterval, probeInterval, scheduler)
                      .subscribe(t -> probeAll()));
              log.info("bootstrap server listening on {}", endpoint.localAddress());
            }));
  }

  /** Stops probing and listening, closes the endpoint and ends the thread the server made. */
  public Mono<Void> stop() {
    return Mono.fromRunnable(running::dispose)
        .then(endpoint.close())
        .then(
            Mono.<Void>fromRunnable(
                () -> {
                  if (ownScheduler) {
                    scheduler.dispose();
                  }
                }));
  }

  /** This server's identity (a sect163k1 key unless another was given). */
  public Peer identity() {
    return me;
  }

  /** The address the server listens on. */
  public Address address() {
    return endpoint.localAddress();
  }

  /** Members of a community (a snapshot, call from any thread). */
  public List<Address> members(CommunityId community) {
    return memberSnapshot.getOrDefault(
        java.util.HexFormat.of().formatHex(community.prefix()), List.of());
  }

  /** Number of distinct members over all communities. */
  public int memberCount() {
    return memberCountSnapshot;
  }

  private void publishSnapshot() {
    Map<String, List<Address>> next = new HashMap<>();
    communities.forEach((k, v) -> next.put(k, List.copyOf(v.keySet())));
    memberSnapshot = Map.copyOf(next);
    memberCountSnapshot = memberSince.size();
  }

  /** Datagrams ignored or rejected, by reason. */
  public Map<DropReason, Long> drops() {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    drops.forEach(
        (k, v) -> {
          if (v.get() > 0) {
            out.put(k, v.get());
          }
        });
    return out;
  }

  /** Introductions made so far. */
  public long introductions() {
    return introductions.get();
  }

  /** Introduction-responses sent so far. */
  public long responses() {
    return responses.get();
  }

  private void onDatagramSafely(Datagram d) {
    try {
      onDatagram(d);
      publishSnapshot();
    } catch (PacketDecodingException e) {
      count(e.reason());
      log.debug("dropped datagram from {}: {}", d.source(), e.getMessage());
    } catch (RuntimeException e) {
      count(DropReason.MALFORMED_FIELD);
      log.warn("dropped datagram from {}", d.source(), e);
    }
  }

  private boolean confined() {
    Thread current = Thread.currentThread();
    Thread owner = protocolThread;
    if (owner == null) {
      protocolThread = current;
    } else if (owner != current) {
      throw new IllegalStateException(
          "BootstrapServer state changed on "
              + current.getName()
              + ", its protocol thread is "
              + owner.getName());
    }
    return true;
  }

  private void onDatagram(Datagram d) {
    assert confined();
    byte[] data = d.data();
    if (data.length < 23) {
      count(DropReason.TOO_SHORT);
      return;
    }
    int id = data[22] & 0xff;
    if (id == ID_INTRO_REQUEST) {
      onIntroductionRequest(d);
    } else if (id == ID_INTRO_RESPONSE) {
      onProbeAnswer(d);
    } else {
      count(DropReason.UNKNOWN_MESSAGE);
    }
  }

  private void onIntroductionRequest(Datagram d) {
    byte[] prefix = java.util.Arrays.copyOf(d.data(), 22);
    Decoded<IntroductionRequestPayload> req =
        Packets.decode(d.data(), IntroductionRequestPayload.class);
    String key = java.util.HexFormat.of().formatHex(prefix);
    prefixes.putIfAbsent(key, prefix);
    LinkedHashMap<Address, Member> members =
        communities.computeIfAbsent(key, k -> new LinkedHashMap<>());
    Address source = d.source();
    IntroductionRequestPayload p = req.payload();
    Member joined = new Member(source, p.sourceLanAddress(), me.lamportTimestamp());
    members.putIfAbsent(source, joined);
    memberSince.putIfAbsent(source, scheduler.now(TimeUnit.MILLISECONDS));
    enforceMaxPeers();

    List<Member> others = new ArrayList<>();
    for (Member m : members.values()) {
      if (!m.contact().equals(source)) {
        others.add(m);
      }
    }
    Address lanIntro = Address.NULL;
    Address wanIntro = Address.NULL;
    if (!others.isEmpty()) {
      Member other = others.get(random.nextInt(others.size()));
      long punctureTime = me.claimGlobalTime();
      Record puncture =
          IntroductionMessages.punctureRequest(
              p.destinationAddress(), source, p.identifier(), false);
      endpoint.send(other.contact(), Packets.encode(prefix, puncture, null, punctureTime));
      lanIntro = other.lan() != null && other.lan().isIpv4() ? other.lan() : Address.NULL;
      wanIntro = other.contact();
      introductions.incrementAndGet();
    }
    Address own = endpoint.localAddress();
    IntroductionResponsePayload response =
        IntroductionMessages.response(
            source,
            own,
            own,
            lanIntro,
            wanIntro,
            IntroductionResponsePayload.SUPPORTS_NEW_STYLE,
            p.identifier(),
            new byte[0]);
    long time = Unsigned.mod65536(me.claimGlobalTime());
    endpoint.send(source, Packets.encode(prefix, response, me.privateKey(), time));
    responses.incrementAndGet();
  }

  private void onProbeAnswer(Datagram d) {
    Decoded<IntroductionResponsePayload> res =
        Packets.decode(d.data(), IntroductionResponsePayload.class);
    String key = java.util.HexFormat.of().formatHex(d.data(), 0, 22);
    Probe probe = new Probe(d.source(), key, res.payload().identifier());
    if (pendingProbes.remove(probe) == null) {
      count(DropReason.POLICY);
      return;
    }
    if (res.payload().peerLimitReached()) {
      dropFromCommunity(key, d.source());
    }
  }

  private void probeAll() {
    assert confined();
    try {
      Address own = endpoint.localAddress();
      for (Map.Entry<String, LinkedHashMap<Address, Member>> e : communities.entrySet()) {
        byte[] prefix = prefixes.get(e.getKey());
        for (Member m : List.copyOf(e.getValue().values())) {
          int identifier = Unsigned.mod65536(me.claimGlobalTime());
          IntroductionRequestPayload probe =
              IntroductionMessages.request(m.contact(), own, own, identifier, new byte[0]);
          Probe key = new Probe(m.contact(), e.getKey(), identifier);
          pendingProbes.put(key, scheduler.now(TimeUnit.MILLISECONDS));
          endpoint.send(m.contact(), Packets.encode(prefix, probe, me.privateKey(), identifier));
          scheduler.schedule(
              () -> {
                if (pendingProbes.remove(key) != null) {
                  dropFromCommunity(key.prefixHex(), key.member());
                  publishSnapshot();
                }
              },
              probeTimeout.toMillis(),
              TimeUnit.MILLISECONDS);
        }
      }
    } catch (RuntimeException e) {
      log.warn("probe round failed; the next one runs as usual", e);
    }
  }

  private void dropFromCommunity(String prefixHex, Address member) {
    assert confined();
    Map<Address, Member> members = communities.get(prefixHex);
    if (members != null && members.remove(member) != null) {
      log.debug("dropped {} from community {}", member, prefixHex);
      if (members.isEmpty()) {
        communities.remove(prefixHex);
      }
    }
    boolean stillMember = communities.values().stream().anyMatch(m -> m.containsKey(member));
    if (!stillMember) {
      memberSince.remove(member);
    }
  }

  private void enforceMaxPeers() {
    assert confined();
    Iterator<Address> oldest = memberSince.keySet().iterator();
    while (memberSince.size() > maxPeers && oldest.hasNext()) {
      Address a = oldest.next();
      oldest.remove();
      communities.values().forEach(m -> m.remove(a));
      communities.values().removeIf(Map::isEmpty);
    }
  }

  private void count(DropReason reason) {
    drops.get(reason).incrementAndGet();
  }

  /** Builder; {@code endpoint} is required. */
  public static final class Builder {
    private Endpoint endpoint;
    private PrivateKey key;
    private Scheduler scheduler;
    private RandomGenerator random;
    private int maxPeers = 100;
    private Duration probeInterval = Duration.ofSeconds(10);
    private Duration probeTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /** The endpoint to serve on (opened by {@link #start()} if needed). */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** The identity; default a fresh sect163k1 ("very-low") key, as py-ipv8's tracker. */
    public Builder key(PrivateKey key) {
      this.key = key;
      return this;
    }

    /** The protocol scheduler (virtual time in tests); default a new daemon thread. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** The random source for introductions. */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /** Most members kept; the oldest go first. */
    public Builder maxPeers(int maxPeers) {
      if (maxPeers < 1) {
        throw new IllegalArgumentException("maxPeers must be at least 1, was " + maxPeers);
      }
      this.maxPeers = maxPeers;
      return this;
    }

    /** Time between probe rounds (default 10 s). */
    public Builder probeInterval(Duration probeInterval) {
      this.probeInterval = Objects.requireNonNull(probeInterval);
      return this;
    }

    /** Time a member has to answer a probe (default 5 s). */
    public Builder probeTimeout(Duration probeTimeout) {
      this.probeTimeout = Objects.requireNonNull(probeTimeout);
      return this;
    }

    /** The server. */
    public BootstrapServer build() {
      return new BootstrapServer(this);
    }
  }
}
