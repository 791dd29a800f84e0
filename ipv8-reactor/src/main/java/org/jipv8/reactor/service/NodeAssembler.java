package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.loader.CommunityLoader;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.bootstrap.BootstrapperFactory;
import org.jipv8.reactor.bootstrap.BuiltinBootstrappers;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PrefixRouter;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.jipv8.reactor.endpoint.DispatcherEndpoint;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one {@link Ipv8Builder} into one {@link Ipv8}. Everything made on the way is remembered so
 * that a failure releases it: overlays are unloaded, an endpoint built here is closed, schedulers
 * made here are disposed, and no key file is written.
 */
final class NodeAssembler {
  private static final Logger log = LoggerFactory.getLogger(NodeAssembler.class);

  private final Ipv8Builder b;
  private final List<Overlay> overlays = new ArrayList<>();
  private Schedulers schedulers;
  private Endpoint ownEndpoint;
  private Ipv8 node;

  NodeAssembler(Ipv8Builder builder) {
    this.b = builder;
  }

  Ipv8 assemble() {
    try {
      return assembleOrThrow();
    } catch (RuntimeException | Error e) {
      release(e);
      throw e;
    }
  }

  private Ipv8 assembleOrThrow() {
    Ipv8Configuration cfg = b.configuration;
    org.jipv8.reactor.config.LogLevels.apply(cfg.logger());
    schedulers = Schedulers.create(b.protocolScheduler, b.verifyScheduler);
    RandomGenerator rnd = b.random != null ? b.random : new Random();
    LongSupplier clock = () -> schedulers.protocol().now(TimeUnit.MILLISECONDS);
    Endpoint ep = b.endpoint;
    if (ep == null) {
      ep = buildEndpoint(cfg);
      ownEndpoint = ep;
    }
    Network network = new Network();
    NodeKeys keys = NodeKeys.load(cfg, clock);
    Map<String, BootstrapperFactory> bootFactories =
        new LinkedHashMap<>(BuiltinBootstrappers.all(b.dnsResolver));
    bootFactories.putAll(b.bootstrapperFactories);

    StrategyScheduler strategies =
        new StrategyScheduler(
            ep, schedulers.protocol(), Duration.ofNanos(Math.round(cfg.walkerInterval() * 1e9)));
    List<StartAction> onStart = new ArrayList<>();
    PrefixRouter router = PrefixRouter.create(ep);
    // A full community inbox refuses its datagrams in the endpoint, before they are copied.
    router.admitEarly();
    LanAddressProvider lan = b.lanAddresses != null ? b.lanAddresses : boundLanAddress(cfg);
    Endpoint endpoint = ep;
    SettingsMaker settings =
        (peer, initialize, bootstrappers) ->
            settings(
                peer, endpoint, network, schedulers, rnd, router, lan, initialize, bootstrappers);

    for (int i = 0; i < cfg.overlays().size(); i++) {
      configuredOverlay(
          cfg.overlays().get(i),
          "overlays[" + i + "]",
          keys,
          bootFactories,
          settings,
          strategies,
          onStart);
    }
    for (OverlayDefinition<?> def : b.definitions) {
      definedOverlay(def, keys, settings, strategies, onStart);
    }

    node = new Ipv8(cfg, ep, network, keys.peers(), overlays, onStart, strategies, schedulers);
    if (!b.launchers.isEmpty() || b.serviceLaunchers) {
      CommunityLoader loader = new CommunityLoader();
      b.launchers.forEach(loader::setLauncher);
      if (b.serviceLaunchers) {
        loader.registerServiceLaunchers();
      }
      loader.load(
          new ServiceLaunchTarget(
              node,
              clock,
              b.overlayFactoriesByClass,
              (peer, kwargs) -> settings.make(peer, kwargs, List.of())),
          b.session);
    }
    if (b.meterRegistry != null) {
      Metrics.bind(node, (io.micrometer.core.instrument.MeterRegistry) b.meterRegistry);
    }
    keys.save();
    return node;
  }

  /** Creates the settings of one overlay. */
  @FunctionalInterface
  private interface SettingsMaker {
    CommunitySettings make(
        Peer myPeer, Map<String, Object> initialize, List<Bootstrapper> bootstrappers);
  }

  private void configuredOverlay(
      OverlayConfig oc,
      String path,
      NodeKeys keys,
      Map<String, BootstrapperFactory> bootFactories,
      SettingsMaker settingsMaker,
      StrategyScheduler strategies,
      List<StartAction> onStart) {
    OverlayFactory<?> factory = b.overlayFactories.get(oc.className());
    if (factory == null) {
      throw ConfigurationException.notOneOf(
          path + ".class", "overlay class", oc.className(), b.overlayFactories.keySet());
    }
    Peer myPeer = keys.peers().get(oc.key());
    if (myPeer == null) {
      throw ConfigurationException.notOneOf(
          path + ".key", "key alias", oc.key(), keys.peers().keySet());
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
    Overlay overlay =
        create(
            path, () -> factory.create(settingsMaker.make(myPeer, oc.initialize(), bootstrappers)));
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
      onStart.add(OnStartCall.resolve(overlay, oc.onStart().get(j), path + ".on_start[" + j + "]"));
    }
  }

  private void definedOverlay(
      OverlayDefinition<?> def,
      NodeKeys keys,
      SettingsMaker settingsMaker,
      StrategyScheduler strategies,
      List<StartAction> onStart) {
    String path = "overlay(" + def.type().getSimpleName() + ".class)";
    Peer myPeer;
    if (def.keyAlias() != null) {
      myPeer = keys.peers().get(def.keyAlias());
      if (myPeer == null) {
        throw ConfigurationException.notOneOf(
            path + ".key", "key alias", def.keyAlias(), keys.peers().keySet());
      }
    } else {
      if (keys.peers().isEmpty()) {
        throw new ConfigurationException(
            path + ".key",
            "the configuration has no key for this overlay",
            "add a key to the configuration (or use Ipv8.builder().loopback())");
      }
      myPeer = keys.peers().values().iterator().next();
    }
    OverlayDefinition.Instance[] made = new OverlayDefinition.Instance[1];
    create(
        path,
        () -> {
          made[0] =
              def.instantiate(
                  settingsMaker.make(myPeer, def.initializeSettings(), def.newBootstrappers()));
          return made[0].overlay();
        });
    made[0].strategies().forEach(w -> strategies.add(w.strategy(), w.targetPeers()));
    onStart.addAll(made[0].onStart());
  }

  /** Creates one overlay, turning a bad setting into an error naming {@code path}. */
  private Overlay create(String path, Supplier<Overlay> factory) {
    Overlay overlay;
    try {
      overlay = factory.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(path + ".initialize", e.getMessage(), "fix the setting", e);
    }
    overlays.add(overlay);
    return overlay;
  }

  /** Best effort: a failed build must not leave threads, sockets or registrations behind. */
  private void release(Throwable cause) {
    List<Overlay> made = node != null ? node.overlays() : overlays;
    for (Overlay o : made) {
      // Subscribed, not blocked on: a build may run on a thread that must not block.
      o.unload().subscribe(null, e -> log.debug("unloading {} failed", o, e));
    }
    if (ownEndpoint != null) {
      ownEndpoint.close().subscribe(null, e -> log.debug("closing the endpoint failed", e));
    }
    if (schedulers != null) {
      schedulers.dispose();
    }
    log.debug("node build failed; released what it made", cause);
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
    CommunitySettings.Builder sb =
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
      sb.maxPeers(n.intValue());
    }
    return sb.build();
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
        .loopbackGuard(b.loopbackGuard)
        .build();
  }
}
