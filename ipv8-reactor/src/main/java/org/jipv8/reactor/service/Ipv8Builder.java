package org.jipv8.reactor.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.loader.CommunityLauncher;
import org.jipv8.api.loader.CommunityLoader;
import org.jipv8.api.loader.Session;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.bootstrap.BootstrapperFactory;
import org.jipv8.reactor.bootstrap.BuiltinBootstrappers;
import org.jipv8.reactor.bootstrap.DnsResolver;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PrefixRouter;
import org.jipv8.reactor.crypto.KeyFile;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.jipv8.reactor.endpoint.DispatcherEndpoint;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import reactor.core.scheduler.Scheduler;

/**
 * Builds an {@link Ipv8} node, following py-ipv8's construction order (runtime spec 1.1): endpoint,
 * network, keys, then per configured overlay: the overlay, its walkers, its {@code on_start} calls
 * and its bootstrappers; then the registered launchers. Nothing touches the network until {@link
 * Ipv8#start()}.
 *
 * <p>Every configuration problem found while building (an unknown overlay class, key alias,
 * strategy or bootstrapper, bad arguments) is a {@link ConfigurationException} naming the path of
 * the entry, e.g. {@code overlays[0].walkers[1].strategy}, and what is accepted.
 */
public final class Ipv8Builder {
  private Ipv8Configuration configuration = Ipv8Configuration.defaults();
  private final Map<String, OverlayFactory<?>> overlayFactories = new LinkedHashMap<>();
  private final Map<Class<?>, OverlayFactory<?>> overlayFactoriesByClass = new LinkedHashMap<>();
  private final Map<String, BootstrapperFactory> bootstrapperFactories = new LinkedHashMap<>();
  private final List<CommunityLauncher> launchers = new ArrayList<>();
  private boolean serviceLaunchers;
  private Session session = new Session();
  private Endpoint endpoint;
  private Scheduler protocolScheduler;
  private Scheduler verifyScheduler;
  private RandomGenerator random;
  private DnsResolver dnsResolver = DnsResolver.system();
  private LanAddressProvider lanAddresses;
  private Object meterRegistry;
  private LoopbackGuard loopbackGuard = LoopbackGuard.fromEnvironment();

  Ipv8Builder() {
    BuiltinOverlays.register(this);
  }

  /** The configuration (default: py-ipv8's defaults). */
  public Ipv8Builder configuration(Ipv8Configuration configuration) {
    this.configuration = configuration;
    return this;
  }

  /** Makes an overlay class nameable in configuration files ({@code overlays[].class}). */
  public <O extends Overlay> Ipv8Builder overlay(
      String className, Class<O> type, OverlayFactory<O> factory) {
    overlayFactories.put(className, factory);
    overlayFactoriesByClass.put(type, factory);
    return this;
  }

  /** {@link #overlay(String, Class, OverlayFactory)} under the class's simple name. */
  public <O extends Overlay> Ipv8Builder overlay(Class<O> type, OverlayFactory<O> factory) {
    return overlay(type.getSimpleName(), type, factory);
  }

  /** Makes a bootstrapper nameable in configuration files. */
  public Ipv8Builder bootstrapper(String className, BootstrapperFactory factory) {
    bootstrapperFactories.put(className, factory);
    return this;
  }

  /** Adds a launcher (py-ipv8's loader), launched after the configured overlays. */
  public Ipv8Builder launcher(CommunityLauncher launcher) {
    launchers.add(launcher);
    return this;
  }

  /** Also launch every {@link CommunityLauncher} found through {@link java.util.ServiceLoader}. */
  public Ipv8Builder serviceLoaderLaunchers(boolean on) {
    this.serviceLaunchers = on;
    return this;
  }

  /** The session object handed to launchers. */
  public Ipv8Builder session(Session session) {
    this.session = session;
    return this;
  }

  /** Uses this endpoint instead of building one from {@code interfaces} (e.g. a simulated one). */
  public Ipv8Builder endpoint(Endpoint endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  /** The protocol thread (default: a new single thread; a VirtualTimeScheduler in tests). */
  public Ipv8Builder protocolScheduler(Scheduler scheduler) {
    this.protocolScheduler = scheduler;
    return this;
  }

  /** The signature-verification pool (default: a parallel scheduler, one thread per core). */
  public Ipv8Builder verifyScheduler(Scheduler scheduler) {
    this.verifyScheduler = scheduler;
    return this;
  }

  /** The random source (seed it for repeatable runs). */
  public Ipv8Builder random(RandomGenerator random) {
    this.random = random;
    return this;
  }

  /** How bootstrap server names are resolved. */
  public Ipv8Builder dnsResolver(DnsResolver resolver) {
    this.dnsResolver = resolver;
    return this;
  }

  /** Where the nodes' LAN addresses come from (default: the bound address, else the interfaces). */
  public Ipv8Builder lanAddresses(LanAddressProvider provider) {
    this.lanAddresses = provider;
    return this;
  }

  /**
   * Publishes the node's endpoint counters and every community's per-message statistics to {@code
   * registry} (Micrometer is an optional dependency: add micrometer-core to use this).
   */
  public Ipv8Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
    this.meterRegistry = registry;
    return this;
  }

  /** Refuse every send outside 127.0.0.0/8 and ::1 (default: from the environment). */
  public Ipv8Builder loopbackOnly(boolean on) {
    this.loopbackGuard = on ? LoopbackGuard.enabled() : LoopbackGuard.fromEnvironment();
    return this;
  }

  /** Creates the node; no network I/O happens here. */
  public Ipv8 build() {
    Ipv8Configuration cfg = configuration;
    Schedulers schedulers = Schedulers.create(protocolScheduler, verifyScheduler);
    RandomGenerator rnd = random != null ? random : new Random();
    LongSupplier clock = () -> schedulers.protocol().now(TimeUnit.MILLISECONDS);
    Endpoint ep = endpoint != null ? endpoint : buildEndpoint(cfg);
    Network network = new Network();
    Map<String, Peer> keys = loadKeys(cfg, clock);
    Map<String, BootstrapperFactory> bootFactories =
        new LinkedHashMap<>(BuiltinBootstrappers.all(dnsResolver));
    bootFactories.putAll(bootstrapperFactories);

    StrategyScheduler strategies =
        new StrategyScheduler(
            ep,
            schedulers.protocol(),
            java.time.Duration.ofNanos(Math.round(cfg.walkerInterval() * 1e9)));
    List<Overlay> overlays = new ArrayList<>();
    List<OnStartCall> onStart = new ArrayList<>();
    PrefixRouter router = PrefixRouter.of(ep);
    LanAddressProvider lan = lanAddresses != null ? lanAddresses : boundLanAddress(cfg);

    for (int i = 0; i < cfg.overlays().size(); i++) {
      OverlayConfig oc = cfg.overlays().get(i);
      String path = "overlays[" + i + "]";
      OverlayFactory<?> factory = overlayFactories.get(oc.className());
      if (factory == null) {
        throw ConfigurationException.notOneOf(
            path + ".class", "overlay class", oc.className(), overlayFactories.keySet());
      }
      Peer myPeer = keys.get(oc.key());
      if (myPeer == null) {
        throw ConfigurationException.notOneOf(path + ".key", "key alias", oc.key(), keys.keySet());
      }
      List<Bootstrapper> bootstrappers = new ArrayList<>();
      for (int j = 0; j < oc.bootstrappers().size(); j++) {
        BootstrapperConfig bc = oc.bootstrappers().get(j);
        String bpath = path + ".bootstrappers[" + j + "]";
        BootstrapperFactory bf = bootFactories.get(bc.className());
        if (bf == null) {
          throw ConfigurationException.notOneOf(
              bpath + ".class", "bootstrapper", bc.className(), bootFactories.keySet());
        }
        try {
          bootstrappers.add(bf.create(bc.init()));
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(bpath + ".init", e.getMessage(), "fix the argument", e);
        }
      }
      CommunitySettings settings;
      try {
        settings =
            settings(
                myPeer, ep, network, schedulers, rnd, router, lan, oc.initialize(), bootstrappers);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            path + ".initialize", e.getMessage(), "fix the setting", e);
      }
      Overlay overlay;
      try {
        overlay = factory.create(settings);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            path + ".initialize", e.getMessage(), "fix the setting", e);
      }
      overlays.add(overlay);
      for (int j = 0; j < oc.walkers().size(); j++) {
        WalkerConfig wc = oc.walkers().get(j);
        String wpath = path + ".walkers[" + j + "]";
        DiscoveryStrategy strategy;
        try {
          strategy = BuiltinStrategies.resolve(wc.strategy(), overlay).create(overlay, wc.init());
        } catch (IllegalArgumentException e) {
          boolean unknownName =
              e.getMessage() != null && e.getMessage().startsWith("unknown discovery strategy");
          throw new ConfigurationException(
              wpath + (unknownName ? ".strategy" : ".init"),
              e.getMessage(),
              unknownName ? "use one of the names listed" : "fix the argument",
              e);
        }
        strategies.add(strategy, wc.peers());
      }
      for (int j = 0; j < oc.onStart().size(); j++) {
        onStart.add(
            OnStartCall.resolve(overlay, oc.onStart().get(j), path + ".on_start[" + j + "]"));
      }
    }

    Ipv8 node = new Ipv8(cfg, ep, network, keys, overlays, onStart, strategies, schedulers);
    if (meterRegistry != null) {
      Metrics.bind(node, (io.micrometer.core.instrument.MeterRegistry) meterRegistry);
    }
    if (!launchers.isEmpty() || serviceLaunchers) {
      CommunityLoader loader = new CommunityLoader();
      launchers.forEach(loader::setLauncher);
      if (serviceLaunchers) {
        loader.registerServiceLaunchers();
      }
      loader.load(
          new ServiceLaunchTarget(
              node,
              clock,
              overlayFactoriesByClass,
              (peer, kwargs) ->
                  settings(peer, ep, network, schedulers, rnd, router, lan, kwargs, List.of())),
          session);
    }
    return node;
  }

  /** py-ipv8's {@code initialize} keys that the base community understands. */
  static CommunitySettings settings(
      Peer myPeer,
      Endpoint endpoint,
      Network network,
      Schedulers schedulers,
      RandomGenerator random,
      PrefixRouter router,
      LanAddressProvider lan,
      Map<String, Object> initialize,
      List<Bootstrapper> bootstrappers) {
    CommunitySettings.Builder b =
        CommunitySettings.builder()
            .myPeer(myPeer)
            .endpoint(endpoint)
            .network(network)
            .protocolScheduler(schedulers.protocol())
            .verificationScheduler(schedulers.verify())
            .random(random)
            .router(router)
            .lanAddresses(lan)
            .bootstrappers(bootstrappers)
            .extra(initialize);
    Object maxPeers = initialize.get("max_peers");
    if (maxPeers != null) {
      if (!(maxPeers instanceof Number n) || n.doubleValue() != n.intValue()) {
        throw new IllegalArgumentException("max_peers must be an integer, got " + maxPeers);
      }
      b.maxPeers(n.intValue());
    }
    return b.build();
  }

  /**
   * A node bound to one specific address (127.0.0.1 in tests and the demo) is reachable only there,
   * so that address is its LAN address; a node bound to the wildcard uses the machine's interfaces.
   */
  private static LanAddressProvider boundLanAddress(Ipv8Configuration cfg) {
    for (InterfaceConfig ic : cfg.interfaces()) {
      String ip = ic.ip();
      if (ip != null && !ip.equals("0.0.0.0") && !ip.equals("::")) {
        return LanAddressProvider.fixed(ip);
      }
    }
    return LanAddressProvider.system();
  }

  private Endpoint buildEndpoint(Ipv8Configuration cfg) {
    Map<String, InterfaceConfig> byName = new LinkedHashMap<>();
    // As in py-ipv8, a later entry for the same interface replaces an earlier one.
    for (InterfaceConfig ic : cfg.interfaces()) {
      byName.put(ic.interfaceName(), ic);
    }
    if (byName.isEmpty()) {
      throw new ConfigurationException(
          "interfaces",
          "no interface configured",
          "add {\"interface\": \"UDPIPv4\", \"ip\": \"0.0.0.0\", \"port\": 8090}");
    }
    Endpoint v4 = udp(byName.get(InterfaceConfig.UDP_IPV4));
    Endpoint v6 = udp(byName.get(InterfaceConfig.UDP_IPV6));
    if (v4 == null || v6 == null) {
      return v4 != null ? v4 : v6;
    }
    return DispatcherEndpoint.of(v4, v6);
  }

  private Endpoint udp(InterfaceConfig ic) {
    if (ic == null) {
      return null;
    }
    return UdpEndpoint.builder()
        .host(ic.ip())
        .port(ic.port())
        .portAttempts(ic.portAttempts())
        .ipv6Only(InterfaceConfig.UDP_IPV6.equals(ic.interfaceName()))
        .loopbackGuard(loopbackGuard)
        .build();
  }

  private static Map<String, Peer> loadKeys(Ipv8Configuration cfg, LongSupplier clock) {
    Map<String, Peer> keys = new LinkedHashMap<>();
    for (int i = 0; i < cfg.keys().size(); i++) {
      KeyConfig kc = cfg.keys().get(i);
      String path = "keys[" + i + "]";
      PrivateKey key;
      try {
        Path file = kc.file() == null || kc.file().isEmpty() ? null : Path.of(kc.file());
        if (file != null && Files.exists(file)) {
          key = KeyFile.load(file);
        } else {
          if (kc.bin() != null) {
            key = Keys.privateFromBin(Base64.getDecoder().decode(kc.bin()));
          } else {
            key = Keys.generate(kc.generation() != null ? kc.generation() : KeyType.CURVE25519);
          }
          if (file != null) {
            KeyFile.save(file, key);
          }
        }
      } catch (RuntimeException e) {
        throw new ConfigurationException(
            path,
            "cannot load or create key '" + kc.alias() + "': " + e.getMessage(),
            "point 'file' at a key file in py-ipv8 format, or give 'bin' (base64) or 'generation'",
            e);
      }
      keys.put(kc.alias(), Peer.own(key, clock));
    }
    return keys;
  }
}
