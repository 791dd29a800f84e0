package org.jipv8.reactor.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.reactor.community.NetworkOverlay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bootstrapping through Dispersy-style trackers (py-ipv8's {@code DispersyBootstrapper}, runtime
 * spec 5.2): the trackers are blacklisted (never peers) and sent an ordinary introduction-request
 * at most once per {@code bootstrapTimeout}; the peers they introduce become walkable addresses.
 *
 * <p>{@link #defaults()} holds py-ipv8's public trackers. Nothing in this repository's tests or
 * demo contacts them: the loopback guard of the endpoint refuses such sends and tests inject local
 * trackers and a fake {@link DnsResolver}.
 *
 * <p>Threading: {@code initialize}, {@code getAddresses} and {@code keepAlive} are called on the
 * overlay's protocol thread; DNS resolution runs on the resolver's own scheduler.
 */
public final class DispersyBootstrapper implements Bootstrapper {
  private static final Logger log = LoggerFactory.getLogger(DispersyBootstrapper.class);

  /** A (host name, port) pair to resolve. */
  public record DnsName(String host, int port) {
    public DnsName {
      Objects.requireNonNull(host, "host");
    }
  }

  private final CopyOnWriteArrayList<Address> ipAddresses;
  private final List<DnsName> dnsNames;
  private final Duration bootstrapTimeout;
  private final DnsResolver resolver;
  private volatile boolean initialized;
  private volatile long lastBootstrap = Long.MIN_VALUE;

  /**
   * A bootstrapper for the given trackers.
   *
   * @param ipAddresses tracker addresses
   * @param dnsNames tracker names resolved on initialisation
   * @param bootstrapTimeout minimum time between two bootstrap rounds
   * @param resolver how names are resolved
   */
  public DispersyBootstrapper(
      List<Address> ipAddresses,
      List<DnsName> dnsNames,
      Duration bootstrapTimeout,
      DnsResolver resolver) {
    this.ipAddresses = new CopyOnWriteArrayList<>(ipAddresses);
    this.dnsNames = List.copyOf(dnsNames);
    this.bootstrapTimeout = Objects.requireNonNull(bootstrapTimeout, "bootstrapTimeout");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** Trackers at fixed addresses, 30 s apart, no names. */
  public DispersyBootstrapper(List<Address> ipAddresses) {
    this(ipAddresses, List.of(), Duration.ofSeconds(30), DnsResolver.system());
  }

  /** py-ipv8's public trackers (13 addresses, 7 names, 30 s). */
  public static DispersyBootstrapper defaults() {
    return fromInit(BootstrapperConfig.dispersyDefaultInit(), DnsResolver.system());
  }

  /**
   * Builds one from configuration keyword arguments: {@code ip_addresses} ([[ip, port], ...]),
   * {@code dns_addresses} ([[name, port], ...]) and {@code bootstrap_timeout} (seconds).
   *
   * @throws IllegalArgumentException naming the offending key
   */
  public static DispersyBootstrapper fromInit(Map<String, Object> init, DnsResolver resolver) {
    InitArguments args = new InitArguments("DispersyBootstrapper", init);
    args.allow("ip_addresses", "dns_addresses", "bootstrap_timeout");
    List<Address> ips = new ArrayList<>();
    for (InitArguments.HostPort hp : args.hostPorts("ip_addresses")) {
      ips.add(Address.ipv4(hp.host(), hp.port()));
    }
    List<DnsName> names = new ArrayList<>();
    for (InitArguments.HostPort hp : args.hostPorts("dns_addresses")) {
      names.add(new DnsName(hp.host(), hp.port()));
    }
    double timeout = args.number("bootstrap_timeout", 30.0);
    return new DispersyBootstrapper(
        ips, names, Duration.ofMillis(Math.round(timeout * 1000)), resolver);
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
    NetworkOverlay o = networkOverlay(overlay);
    ipAddresses.forEach(a -> o.network().addToBlacklist(a));
    return Flux.fromIterable(dnsNames)
        .flatMap(
            n ->
                resolver
                    .resolve(n.host(), n.port())
                    .onErrorResume(
                        e -> {
                          log.info("cannot resolve bootstrap server {}: {}", n, e.toString());
                          return Mono.just(List.of());
                        }))
        .doOnNext(
            resolved ->
                resolved.forEach(
                    a -> {
                      if (!ipAddresses.contains(a)) {
                        ipAddresses.add(a);
                      }
                    }))
        .then(Mono.just(true));
  }

  @Override
  public Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout) {
    NetworkOverlay o = networkOverlay(overlay);
    long now = o.now();
    if (lastBootstrap != Long.MIN_VALUE && now - lastBootstrap < bootstrapTimeout.toMillis()) {
      return Mono.just(List.of());
    }
    lastBootstrap = now;
    for (Address a : ipAddresses) {
      o.network().addToBlacklist(a);
      o.walkTo(a);
    }
    return Mono.just(List.of());
  }

  @Override
  public void keepAlive(Overlay overlay) {
    NetworkOverlay o = networkOverlay(overlay);
    List<Address> ips = List.copyOf(ipAddresses);
    if (ips.isEmpty()) {
      return;
    }
    Address a = ips.get(o.random().nextInt(ips.size()));
    o.network().addToBlacklist(a);
    o.walkTo(a);
  }

  @Override
  public List<Address> blacklist() {
    return List.copyOf(ipAddresses);
  }

  @Override
  public Mono<Void> unload() {
    return Mono.empty();
  }

  /** The minimum time between two bootstrap rounds. */
  public Duration bootstrapTimeout() {
    return bootstrapTimeout;
  }

  private static NetworkOverlay networkOverlay(Overlay overlay) {
    if (overlay instanceof NetworkOverlay o) {
      return o;
    }
    throw new IllegalArgumentException(
        "DispersyBootstrapper needs an engine community (NetworkOverlay), got "
            + overlay.getClass().getName());
  }

  @Override
  public String toString() {
    return "DispersyBootstrapper" + ipAddresses + "+" + dnsNames;
  }
}
