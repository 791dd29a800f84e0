package org.jipv8.reactor.bootstrap;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * LAN discovery by UDP broadcast (py-ipv8's {@code UDPBroadcastBootstrapper}, runtime spec 5.3): a
 * separate IPv4 socket with SO_BROADCAST sends a 29-byte beacon ({@code 00 00 'IPv8' 00} + the
 * community prefix) to 255.255.255.255 on a range of ports; a node that hears a beacon for its own
 * community walks to the sender, and introduction-requests arriving on the broadcast socket are
 * handled by the community as if they came to its main socket.
 *
 * <p>Deliberate deviations from py-ipv8, which sweeps all ports 0..65534 (65,535 datagrams) at
 * every round and at every keep-alive: the port range defaults to py-ipv8's default port and the 99
 * above it ({@link #DEFAULT_FIRST_PORT}..{@link #DEFAULT_LAST_PORT}); the full sweep must be asked
 * for; and keep-alive rounds are rate-limited like bootstrap rounds. With the loopback-only guard
 * on, beacons are refused and counted (broadcast is not loopback).
 *
 * <p>Threading: beacons are handled on the socket's event loop; walks are scheduled on the
 * community's protocol thread.
 */
public final class UdpBroadcastBootstrapper implements Bootstrapper {
  private static final Logger log = LoggerFactory.getLogger(UdpBroadcastBootstrapper.class);

  /** The 7-byte beacon header: protocol version 0, "IPv8", announce. */
  static final byte[] HEADER = {0, 0, 'I', 'P', 'v', '8', 0};

  /** First port of the default range: py-ipv8's default port. */
  public static final int DEFAULT_FIRST_PORT = 8090;

  /** Last port of the default range. */
  public static final int DEFAULT_LAST_PORT = 8189;

  private static final Address BROADCAST = Address.ipv4("255.255.255.255", 0);

  private final Duration bootstrapTimeout;
  private final int firstPort;
  private final int lastPort;
  private final Supplier<Endpoint> socketFactory;
  private volatile boolean initialized;
  private volatile Community community;
  private volatile Endpoint socket;
  private volatile Disposable receiving;
  private volatile long lastRound = Long.MIN_VALUE;

  /**
   * A broadcast bootstrapper.
   *
   * @param bootstrapTimeout minimum time between beacon rounds
   * @param firstPort first destination port of a round
   * @param lastPort last destination port (at most 65534)
   * @param socketFactory creates the (unopened) broadcast socket
   */
  public UdpBroadcastBootstrapper(
      Duration bootstrapTimeout, int firstPort, int lastPort, Supplier<Endpoint> socketFactory) {
    if (firstPort < 0 || lastPort > 65534 || firstPort > lastPort) {
      throw new IllegalArgumentException(
          "broadcast ports must satisfy 0 <= first <= last <= 65534, got "
              + firstPort
              + ".."
              + lastPort);
    }
    this.bootstrapTimeout = Objects.requireNonNull(bootstrapTimeout, "bootstrapTimeout");
    this.firstPort = firstPort;
    this.lastPort = lastPort;
    this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
  }

  /** Default range, 30 s apart, on a broadcast socket bound to an ephemeral port. */
  public UdpBroadcastBootstrapper() {
    this(
        Duration.ofSeconds(30),
        DEFAULT_FIRST_PORT,
        DEFAULT_LAST_PORT,
        UdpBroadcastBootstrapper::defaultSocket);
  }

  private static Endpoint defaultSocket() {
    return UdpEndpoint.builder()
        .host("0.0.0.0")
        .port(0)
        .broadcast(true)
        .loopbackGuard(LoopbackGuard.fromEnvironment())
        .build();
  }

  /**
   * Builds one from configuration keyword arguments: {@code bootstrap_timeout} (seconds), {@code
   * first_port}, {@code last_port}.
   *
   * @throws IllegalArgumentException naming the offending key
   */
  public static UdpBroadcastBootstrapper fromInit(Map<String, Object> init) {
    InitArguments args = new InitArguments("UDPBroadcastBootstrapper", init);
    args.allow("bootstrap_timeout", "first_port", "last_port");
    double timeout = args.number("bootstrap_timeout", 30.0);
    int first = (int) args.number("first_port", DEFAULT_FIRST_PORT);
    int last = (int) args.number("last_port", DEFAULT_LAST_PORT);
    return new UdpBroadcastBootstrapper(
        Duration.ofMillis(Math.round(timeout * 1000)),
        first,
        last,
        UdpBroadcastBootstrapper::defaultSocket);
  }

  /** The beacon announcing the community with {@code prefix} (22 bytes): 29 bytes. */
  public static byte[] beacon(byte[] prefix) {
    byte[] b = Arrays.copyOf(HEADER, HEADER.length + prefix.length);
    System.arraycopy(prefix, 0, b, HEADER.length, prefix.length);
    return b;
  }

  @Override
  public boolean isInitialized() {
    return initialized;
  }

  @Override
  public Mono<Boolean> initialize(Overlay overlay) {
    if (initialized) {
      return Mono.just(true);
    }
    initialized = true;
    if (!(overlay instanceof Community c)) {
      return Mono.error(
          new IllegalArgumentException(
              "UDPBroadcastBootstrapper needs a Community, got " + overlay));
    }
    community = c;
    Endpoint s = socketFactory.get();
    return s.open()
        .map(
            opened -> {
              socket = s;
              receiving = s.receive().subscribe(this::onDatagram);
              beaconRound();
              return true;
            })
        .onErrorResume(
            e -> {
              log.warn("cannot open the broadcast socket; no LAN discovery: {}", e.toString());
              return Mono.just(false);
            });
  }

  @Override
  public Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout) {
    roundIfDue();
    return Mono.just(List.of());
  }

  @Override
  public void keepAlive(Overlay overlay) {
    roundIfDue();
  }

  private void roundIfDue() {
    Community c = community;
    if (c == null) {
      return;
    }
    long now = c.now();
    if (lastRound != Long.MIN_VALUE && now - lastRound < bootstrapTimeout.toMillis()) {
      return;
    }
    beaconRound();
  }

  /** Sends one beacon to every port of the range (refused and counted under the loopback guard). */
  void beaconRound() {
    Community c = community;
    Endpoint s = socket;
    if (c == null || s == null) {
      return;
    }
    lastRound = c.now();
    byte[] beacon = beacon(c.prefix());
    for (int port = firstPort; port <= lastPort; port++) {
      s.send(new Address(BROADCAST.host(), port, BROADCAST.kind()), beacon);
    }
  }

  /** Handles a datagram that reached the broadcast socket. */
  void onDatagram(Datagram d) {
    Community c = community;
    if (c == null) {
      return;
    }
    byte[] data = d.data();
    byte[] prefix = c.prefix();
    if (data.length == HEADER.length + prefix.length
        && Arrays.equals(data, 0, HEADER.length, HEADER, 0, HEADER.length)
        && Arrays.equals(data, HEADER.length, data.length, prefix, 0, prefix.length)) {
      c.protocolScheduler().schedule(() -> c.walkTo(d.source()));
    } else if (data.length > prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length)) {
      c.settings().router().route(d);
    }
  }

  @Override
  public List<Address> blacklist() {
    return List.of();
  }

  @Override
  public Mono<Void> unload() {
    Disposable r = receiving;
    if (r != null) {
      r.dispose();
    }
    Endpoint s = socket;
    return s == null ? Mono.empty() : s.close();
  }
}
