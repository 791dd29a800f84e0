package org.jipv8.examples.interop;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Loopback;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A node in the interop community that reports what happens as JSON lines (see the {@code interop}
 * command). It walks with RandomWalk (target 20 peers) so introduced peers are walked to, exactly
 * as any node would, and can keep walking to given addresses, send messages and echo.
 */
public final class InteropNode {
  private static final HexFormat HEX = HexFormat.of();
  private final InteropOptions options;
  private final JsonEvents events;
  private final AtomicLong signedReceived = new AtomicLong();
  private final AtomicLong unsignedReceived = new AtomicLong();
  private final AtomicLong messagesSent = new AtomicLong();
  private final Set<Peer> reported = new LinkedHashSet<>();
  private final DhtOptions dhtOptions;
  private Ipv8 node;
  private InteropCommunity community;
  private DhtInterop dht;

  public InteropNode(InteropOptions options, JsonEvents events) {
    this(options, DhtOptions.NONE, events);
  }

  /** A node that also runs the DHT when {@code dhtOptions} enable it. */
  public InteropNode(InteropOptions options, DhtOptions dhtOptions, JsonEvents events) {
    this.options = options;
    this.dhtOptions = dhtOptions;
    this.events = events;
  }

  /** Runs for the configured duration and returns the exit code (0). */
  public int run() {
    start();
    Disposable.Composite tasks = Disposables.composite();
    try {
      Duration tick = Duration.ofMillis(250);
      tasks.add(Flux.interval(tick, tick).subscribe(t -> onProtocol(this::reportPeers)));
      tasks.add(
          Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
              .subscribe(t -> onProtocol(this::walkToTargets)));
      if (options.sendCount() > 0) {
        tasks.add(
            Flux.interval(options.sendInterval(), options.sendInterval())
                .take(options.sendCount())
                .subscribe(round -> onProtocol(() -> sendRound(round + 1))));
      }
      tasks.add(Flux.interval(Duration.ofSeconds(5)).subscribe(t -> events.emit("stats", stats())));
      if (dht != null) {
        tasks.add(dht.start());
      }
      Mono.delay(options.duration()).block();
    } finally {
      tasks.dispose();
      Map<String, Object> exit = stats();
      if (dht != null) {
        dht.reportFailures();
      }
      node.stopNow(Duration.ofSeconds(10));
      events.emit("exit", exit);
    }
    return 0;
  }

  /** Starts the node and prints the {@code started} event. */
  public Ipv8 start() {
    // An IPv6 host gets a UDPIPv6 interface (py-ipv8 binds one socket per family).
    String family =
        Address.of(options.host(), 0).kind() == AddressKind.UDPV6
            ? InterfaceConfig.UDP_IPV6
            : InterfaceConfig.UDP_IPV4;
    ConfigBuilder config =
        ConfigBuilder.clean()
            .setAddress(options.host(), family)
            .setPort(options.port(), family)
            .setPortAttempts(1, family)
            .setLogLevel("WARNING")
            .setWorkingDirectory(".")
            .setWalkerInterval(0.5);
    if (options.keyFile() != null) {
      config.addKey("me", KeyType.CURVE25519, options.keyFile().toString());
    } else {
      config.addKey("me", KeyType.CURVE25519, "");
    }
    if (dhtOptions.enabled()) {
      config.addOverlay(
          "DHTDiscoveryCommunity",
          "me",
          List.of(Loopback.randomWalk(20), WalkerConfig.of("PingChurn", -1, Map.of())),
          List.of(),
          Map.of(),
          List.of());
    }
    Ipv8Configuration cfg =
        config
            .addOverlay(
                "InteropCommunity",
                "me",
                List.of(Loopback.randomWalk(20)),
                List.of(),
                Map.of(),
                List.of())
            .finalizeConfig();
    node =
        Ipv8.builder()
            .configuration(cfg)
            .overlay(
                InteropCommunity.class,
                s -> new InteropCommunity(options.communityId(), s, options.echo()))
            .loopbackOnly(true)
            .build();
    community = node.getOverlay(InteropCommunity.class);
    community.onMessage(this::onMessage);
    node.startNow(Duration.ofSeconds(10));
    Peer me = node.keys().get("me");
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("address", node.endpoint().localAddress().toString());
    started.put("public_key", HEX.formatHex(me.publicKeyBin()));
    started.put("mid", HEX.formatHex(me.mid()));
    started.put("community_id", options.communityId().hex());
    events.emit("started", started);
    if (dhtOptions.enabled()) {
      dht = new DhtInterop(node, dhtOptions, options.walkTo(), events);
    }
    return node;
  }

  /** The running node (after {@link #start()}). */
  public Ipv8 node() {
    return node;
  }

  private void onProtocol(Runnable task) {
    node.onProtocolThread(task).subscribe(v -> {}, e -> {});
  }

  private void reportPeers() {
    for (Peer p : community.getPeers()) {
      if (reported.add(p)) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("public_key", HEX.formatHex(p.publicKeyBin()));
        f.put("mid", HEX.formatHex(p.mid()));
        f.put("address", p.address().toString());
        events.emit("peer_discovered", f);
      }
    }
  }

  private void walkToTargets() {
    for (Address target : options.walkTo()) {
      if (community.network().getVerifiedByAddress(target) == null) {
        community.walkTo(target);
      }
    }
  }

  private void sendRound(long round) {
    String text = "hello from jipv8 #" + round;
    for (Peer p : community.getPeers()) {
      if (options.unsigned()) {
        community.sendUnsigned(p.address(), new InteropCommunity.UnsignedText(text, round));
      } else {
        community.sendSigned(p.address(), new InteropCommunity.SignedText(text, round));
      }
      messagesSent.incrementAndGet();
    }
  }

  private void onMessage(InteropCommunity.Event e) {
    (e.signed() ? signedReceived : unsignedReceived).incrementAndGet();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("variant", e.signed() ? "signed" : "unsigned");
    f.put("msg_id", e.signed() ? 1 : 2);
    f.put("from_public_key", e.signed() ? HEX.formatHex(e.received().peer().publicKeyBin()) : null);
    f.put("from_address", e.received().source().toString());
    f.put("global_time", Unsigned.toBigInteger(e.received().globalTime()));
    f.put("text", e.text());
    f.put("counter", Unsigned.toBigInteger(e.counter()));
    events.emit("message", f);
  }

  private Map<String, Object> stats() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("peers", community.getPeers().size());
    s.put("messages_sent", messagesSent.get());
    s.put("signed_received", signedReceived.get());
    s.put("unsigned_received", unsignedReceived.get());
    s.put("packets_sent", node.endpoint().statistics().packetsSent());
    s.put("packets_received", node.endpoint().statistics().packetsReceived());
    s.put("endpoint_drops", node.endpoint().statistics().totalDrops());
    s.put("community_drops", community.statistics().totalDrops());
    s.put("kernel_drops", node.endpoint().statistics().kernelDrops());
    s.put("drops_by_reason", dropsByReason());
    return s;
  }

  /**
   * Every drop of the node by reason, endpoint, router and communities together, keyed by the
   * reason's name (e.g. {@code "BAD_SIGNATURE": 3}); reasons with no drop are left out.
   */
  private Map<String, Long> dropsByReason() {
    Map<String, Long> byReason = new TreeMap<>();
    node.endpoint().statistics().drops().forEach((r, n) -> byReason.merge(r.name(), n, Long::sum));
    // Datagrams that reached no community (too short, unknown prefix) are the router's.
    community.settings().router().drops().forEach((r, n) -> byReason.merge(r.name(), n, Long::sum));
    for (Community c : node.getOverlays(Community.class)) {
      c.statistics().drops().forEach((r, n) -> byReason.merge(r.name(), n, Long::sum));
    }
    byReason.values().removeIf(n -> n == 0);
    return byReason;
  }
}
