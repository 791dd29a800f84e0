package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.loader.CommunityLauncher;
import org.jipv8.api.loader.Session;
import org.jipv8.reactor.bootstrap.BootstrapperFactory;
import org.jipv8.reactor.bootstrap.DnsResolver;
import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.dht.DHTCommunity;
import org.jipv8.reactor.dht.DHTDiscoveryCommunity;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * An immutable builder of {@link Ipv8} nodes: every call returns a new builder and leaves this one
 * unchanged (as {@code UdpEndpoint.builder()}), so one partly configured builder can start any
 * number of nodes.
 *
 * <pre>{@code
 * Ipv8Builder local = Ipv8.builder()
 *     .loopback()
 *     .overlay(OverlayDefinition.of(MyCommunity.class, MyCommunity::new)
 *         .walker(Walkers.randomWalk(20))
 *         .onStart(MyCommunity::startTalking));
 * Ipv8 a = local.startNow(Duration.ofSeconds(10));
 * Ipv8 b = local.startNow(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>A node follows py-ipv8's construction order (runtime spec 1.1): endpoint, network, keys, then
 * per configured overlay the overlay, its walkers, its {@code on_start} calls and its
 * bootstrappers; then the overlays registered in code ({@link #overlay(OverlayDefinition)}); then
 * the registered launchers. Nothing touches the network until the node starts.
 *
 * <p>Errors: every configuration problem found while building (an unknown overlay class, key alias,
 * strategy or bootstrapper, bad arguments) is a {@link ConfigurationException} naming the path of
 * the entry, e.g. {@code overlays[0].walkers[1].strategy}, and what is accepted. A build that fails
 * releases every scheduler, endpoint and overlay it made, and writes no key file: key files are
 * written only once the whole node was built.
 *
 * <p>Threads: the schedulers a node creates (protocol {@code ipv8}, verification {@code
 * ipv8-verify}) are daemon threads, disposed when the node stops; they never keep a JVM alive.
 */
public final class Ipv8Builder {
  final Ipv8Configuration configuration;
  final Map<String, OverlayFactory<?>> overlayFactories;
  final Map<Class<?>, OverlayFactory<?>> overlayFactoriesByClass;
  final List<OverlayDefinition<?>> definitions;
  final Map<String, BootstrapperFactory> bootstrapperFactories;
  final List<CommunityLauncher> launchers;
  final boolean serviceLaunchers;
  final Session session;
  final Endpoint endpoint;
  final Scheduler protocolScheduler;
  final Scheduler verifyScheduler;
  final RandomGenerator random;
  final DnsResolver dnsResolver;
  final LanAddressProvider lanAddresses;
  final Object meterRegistry;
  final LoopbackGuard loopbackGuard;

  Ipv8Builder() {
    this(
        Ipv8Configuration.defaults(),
        Map.of(
            DiscoveryCommunity.class.getSimpleName(), DiscoveryCommunity::new,
            DHTCommunity.class.getSimpleName(), DHTCommunity::new,
            DHTDiscoveryCommunity.class.getSimpleName(), DHTDiscoveryCommunity::new),
        Map.of(
            DiscoveryCommunity.class, DiscoveryCommunity::new,
            DHTCommunity.class, DHTCommunity::new,
            DHTDiscoveryCommunity.class, DHTDiscoveryCommunity::new),
        List.of(),
        Map.of(),
        List.of(),
        false,
        new Session(),
        null,
        null,
        null,
        null,
        DnsResolver.system(),
        null,
        null,
        LoopbackGuard.fromEnvironment());
  }

  private Ipv8Builder(
      Ipv8Configuration configuration,
      Map<String, OverlayFactory<?>> overlayFactories,
      Map<Class<?>, OverlayFactory<?>> overlayFactoriesByClass,
      List<OverlayDefinition<?>> definitions,
      Map<String, BootstrapperFactory> bootstrapperFactories,
      List<CommunityLauncher> launchers,
      boolean serviceLaunchers,
      Session session,
      Endpoint endpoint,
      Scheduler protocolScheduler,
      Scheduler verifyScheduler,
      RandomGenerator random,
      DnsResolver dnsResolver,
      LanAddressProvider lanAddresses,
      Object meterRegistry,
      LoopbackGuard loopbackGuard) {
    this.configuration = configuration;
    this.overlayFactories = Collections.unmodifiableMap(new LinkedHashMap<>(overlayFactories));
    this.overlayFactoriesByClass =
        Collections.unmodifiableMap(new LinkedHashMap<>(overlayFactoriesByClass));
    this.definitions = List.copyOf(definitions);
    this.bootstrapperFactories =
        Collections.unmodifiableMap(new LinkedHashMap<>(bootstrapperFactories));
    this.launchers = List.copyOf(launchers);
    this.serviceLaunchers = serviceLaunchers;
    this.session = session;
    this.endpoint = endpoint;
    this.protocolScheduler = protocolScheduler;
    this.verifyScheduler = verifyScheduler;
    this.random = random;
    this.dnsResolver = dnsResolver;
    this.lanAddresses = lanAddresses;
    this.meterRegistry = meterRegistry;
    this.loopbackGuard = loopbackGuard;
  }

  /** A mutable copy of every setting, changed by one setter and frozen again by {@link #with}. */
  private static final class Draft {
    Ipv8Configuration configuration;
    Map<String, OverlayFactory<?>> overlayFactories;
    Map<Class<?>, OverlayFactory<?>> overlayFactoriesByClass;
    List<OverlayDefinition<?>> definitions;
    Map<String, BootstrapperFactory> bootstrapperFactories;
    List<CommunityLauncher> launchers;
    boolean serviceLaunchers;
    Session session;
    Endpoint endpoint;
    Scheduler protocolScheduler;
    Scheduler verifyScheduler;
    RandomGenerator random;
    DnsResolver dnsResolver;
    LanAddressProvider lanAddresses;
    Object meterRegistry;
    LoopbackGuard loopbackGuard;

    Draft(Ipv8Builder b) {
      configuration = b.configuration;
      overlayFactories = new LinkedHashMap<>(b.overlayFactories);
      overlayFactoriesByClass = new LinkedHashMap<>(b.overlayFactoriesByClass);
      definitions = new ArrayList<>(b.definitions);
      bootstrapperFactories = new LinkedHashMap<>(b.bootstrapperFactories);
      launchers = new ArrayList<>(b.launchers);
      serviceLaunchers = b.serviceLaunchers;
      session = b.session;
      endpoint = b.endpoint;
      protocolScheduler = b.protocolScheduler;
      verifyScheduler = b.verifyScheduler;
      random = b.random;
      dnsResolver = b.dnsResolver;
      lanAddresses = b.lanAddresses;
      meterRegistry = b.meterRegistry;
      loopbackGuard = b.loopbackGuard;
    }

    Ipv8Builder freeze() {
      return new Ipv8Builder(
          configuration,
          overlayFactories,
          overlayFactoriesByClass,
          definitions,
          bootstrapperFactories,
          launchers,
          serviceLaunchers,
          session,
          endpoint,
          protocolScheduler,
          verifyScheduler,
          random,
          dnsResolver,
          lanAddresses,
          meterRegistry,
          loopbackGuard);
    }
  }

  private Ipv8Builder with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.freeze();
  }

  /** The configuration (default: py-ipv8's defaults, which name overlays jipv8 lacks). */
  public Ipv8Builder configuration(Ipv8Configuration configuration) {
    Objects.requireNonNull(configuration, "configuration");
    return with(d -> d.configuration = configuration);
  }

  /**
   * A node on this machine only: {@link Loopback#configuration()} (127.0.0.1, any free port, a
   * fresh in-memory key, no configured overlays) and the loopback-only guard on. Add overlays with
   * {@link #overlay(OverlayDefinition)}.
   */
  public Ipv8Builder loopback() {
    return configuration(Loopback.configuration()).loopbackOnly(true);
  }

  /**
   * Runs an overlay registered in code on every node this builder makes, with its walkers,
   * bootstrappers and start actions. Its type also becomes nameable in configuration files and by
   * launchers (under its simple name), so it needs no second registration.
   */
  public <O extends Overlay> Ipv8Builder overlay(OverlayDefinition<O> definition) {
    Objects.requireNonNull(definition, "definition");
    return with(
        d -> {
          d.definitions.add(definition);
          d.overlayFactories.putIfAbsent(definition.type().getSimpleName(), definition.factory());
          d.overlayFactoriesByClass.putIfAbsent(definition.type(), definition.factory());
        });
  }

  /** Makes an overlay class nameable in configuration files ({@code overlays[].class}). */
  public <O extends Overlay> Ipv8Builder overlay(
      String className, Class<O> type, OverlayFactory<O> factory) {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    return with(
        d -> {
          d.overlayFactories.put(className, factory);
          d.overlayFactoriesByClass.put(type, factory);
        });
  }

  /** {@link #overlay(String, Class, OverlayFactory)} under the class's simple name. */
  public <O extends Overlay> Ipv8Builder overlay(Class<O> type, OverlayFactory<O> factory) {
    return overlay(type.getSimpleName(), type, factory);
  }

  /** Makes a bootstrapper nameable in configuration files. */
  public Ipv8Builder bootstrapper(String className, BootstrapperFactory factory) {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(factory, "factory");
    return with(d -> d.bootstrapperFactories.put(className, factory));
  }

  /** Adds a launcher (py-ipv8's loader), launched after the configured overlays. */
  public Ipv8Builder launcher(CommunityLauncher launcher) {
    Objects.requireNonNull(launcher, "launcher");
    return with(d -> d.launchers.add(launcher));
  }

  /** Also launch every {@link CommunityLauncher} found through {@link java.util.ServiceLoader}. */
  public Ipv8Builder serviceLoaderLaunchers(boolean on) {
    return with(d -> d.serviceLaunchers = on);
  }

  /** The session object handed to launchers. */
  public Ipv8Builder session(Session session) {
    Objects.requireNonNull(session, "session");
    return with(d -> d.session = session);
  }

  /**
   * Uses this endpoint instead of building one from {@code interfaces} (e.g. a simulated one). The
   * node closes it when it stops; a failed build leaves it as it was.
   */
  public Ipv8Builder endpoint(Endpoint endpoint) {
    return with(d -> d.endpoint = endpoint);
  }

  /**
   * The protocol thread (default: a new daemon single thread per node; a VirtualTimeScheduler in
   * tests). A scheduler given here is not disposed by the node.
   */
  public Ipv8Builder protocolScheduler(Scheduler scheduler) {
    return with(d -> d.protocolScheduler = scheduler);
  }

  /**
   * The signature-verification pool (default: a new daemon parallel scheduler per node, one thread
   * per core; with a single core, the protocol thread, as another thread there would only add
   * hand-offs). A scheduler given here is not disposed by the node.
   */
  public Ipv8Builder verifyScheduler(Scheduler scheduler) {
    return with(d -> d.verifyScheduler = scheduler);
  }

  /** The random source (seed it for repeatable runs); shared by every node this builder makes. */
  public Ipv8Builder random(RandomGenerator random) {
    return with(d -> d.random = random);
  }

  /** How bootstrap server names are resolved. */
  public Ipv8Builder dnsResolver(DnsResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return with(d -> d.dnsResolver = resolver);
  }

  /** Where the nodes' LAN addresses come from (default: the bound address, else the interfaces). */
  public Ipv8Builder lanAddresses(LanAddressProvider provider) {
    return with(d -> d.lanAddresses = provider);
  }

  /**
   * Publishes the node's endpoint counters and every community's per-message statistics to {@code
   * registry} (Micrometer is an optional dependency: add micrometer-core to use this).
   */
  public Ipv8Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
    return with(d -> d.meterRegistry = registry);
  }

  /** Refuse every send outside 127.0.0.0/8 and ::1 (default: from the environment). */
  public Ipv8Builder loopbackOnly(boolean on) {
    LoopbackGuard guard = on ? LoopbackGuard.enabled() : LoopbackGuard.fromEnvironment();
    return with(d -> d.loopbackGuard = guard);
  }

  /**
   * Creates a node; no network I/O happens here.
   *
   * @throws ConfigurationException naming the entry of the configuration that cannot be built,
   *     after releasing everything made so far
   */
  public Ipv8 build() {
    return new NodeAssembler(this).assemble();
  }

  /**
   * Builds and starts a node when subscribed (each subscription a new node): emits it once running.
   * Errors with the build's {@link ConfigurationException}, the endpoint's bind error or the error
   * of a start action, in each case after releasing the node's socket and threads. Cancelling stops
   * the node being started.
   */
  public Mono<Ipv8> start() {
    return Mono.defer(
        () -> {
          Mono<Ipv8> built = Mono.fromCallable(this::build);
          // Building may read and write key files: never on a thread that must not block.
          if (reactor.core.scheduler.Schedulers.isInNonBlockingThread()) {
            built = built.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
          }
          return built.flatMap(Ipv8::start);
        });
  }

  /** {@link #start()} and wait at most {@code timeout}; on a timeout the node is stopped. */
  public Ipv8 startNow(Duration timeout) {
    return build().startNow(timeout);
  }
}
