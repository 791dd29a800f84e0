package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.peer.Peer;
import reactor.core.scheduler.Scheduler;

/**
 * Everything a {@link Community} needs from its node (py-ipv8's constructor arguments and {@code
 * CommunitySettings}). Immutable; build it with {@link #builder()}.
 *
 * <p>Threading contract: {@code protocolScheduler} must be single-threaded (or a {@code
 * VirtualTimeScheduler} in tests); all community state, handlers, timers and strategy steps run on
 * it, and its {@code now(MILLISECONDS)} is the community's clock. {@code verificationScheduler}
 * runs packet decoding and signature checks (bounded, e.g. {@code Schedulers.newParallel}); in
 * tests it may be the protocol scheduler itself.
 *
 * @param myPeer this node's identity; must hold a private key. Share one Peer per key between
 *     communities: they then share the Lamport clock, as in py-ipv8
 * @param endpoint the transport (shared by the node's communities)
 * @param network the peer bookkeeping (shared by the node's communities)
 * @param protocolScheduler the single protocol thread
 * @param verificationScheduler where packets are decoded and verified
 * @param random the source of every random choice of the community
 * @param maxPeers the peer limit (default 30); negative means unlimited
 * @param bootstrappers run by {@code bootstrap()}, in order
 * @param extra community-specific settings (py-ipv8's {@code initialize} keyword arguments)
 * @param lanAddresses this machine's LAN addresses
 * @param router the prefix router of {@code endpoint}
 */
public record CommunitySettings(
    Peer myPeer,
    Endpoint endpoint,
    Network network,
    Scheduler protocolScheduler,
    Scheduler verificationScheduler,
    RandomGenerator random,
    int maxPeers,
    List<Bootstrapper> bootstrappers,
    Map<String, Object> extra,
    LanAddressProvider lanAddresses,
    PrefixRouter router) {

  /** py-ipv8's default peer limit. */
  public static final int DEFAULT_MAX_PEERS = 30;

  public CommunitySettings {
    Objects.requireNonNull(myPeer, "myPeer");
    if (myPeer.privateKey() == null) {
      throw new IllegalArgumentException(
          "myPeer must hold a private key: build it with Peer.own(privateKey, clock)");
    }
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(protocolScheduler, "protocolScheduler");
    Objects.requireNonNull(verificationScheduler, "verificationScheduler");
    Objects.requireNonNull(random, "random");
    bootstrappers = List.copyOf(bootstrappers);
    extra = Map.copyOf(extra);
    Objects.requireNonNull(lanAddresses, "lanAddresses");
    Objects.requireNonNull(router, "router");
  }

  /** A builder; {@code myPeer}, {@code endpoint} and the protocol scheduler are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive variants. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.myPeer = myPeer;
    b.endpoint = endpoint;
    b.network = network;
    b.protocolScheduler = protocolScheduler;
    b.verificationScheduler = verificationScheduler;
    b.random = random;
    b.maxPeers = maxPeers;
    b.bootstrappers.addAll(bootstrappers);
    b.extra.putAll(extra);
    b.lanAddresses = lanAddresses;
    b.router = router;
    return b;
  }

  /** Mutable builder of {@link CommunitySettings}; not thread-safe. */
  public static final class Builder {
    private Peer myPeer;
    private Endpoint endpoint;
    private Network network;
    private Scheduler protocolScheduler;
    private Scheduler verificationScheduler;
    private RandomGenerator random;
    private int maxPeers = DEFAULT_MAX_PEERS;
    private final List<Bootstrapper> bootstrappers = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private LanAddressProvider lanAddresses;
    private PrefixRouter router;

    private Builder() {}

    /** This node's identity (required; must hold a private key). */
    public Builder myPeer(Peer myPeer) {
      this.myPeer = myPeer;
      return this;
    }

    /** The transport (required). */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** The shared peer bookkeeping (default: a fresh {@link Network}). */
    public Builder network(Network network) {
      this.network = network;
      return this;
    }

    /** The single-threaded protocol scheduler (required). */
    public Builder protocolScheduler(Scheduler scheduler) {
      this.protocolScheduler = scheduler;
      return this;
    }

    /** Where decoding and verification run (default: the protocol scheduler). */
    public Builder verificationScheduler(Scheduler scheduler) {
      this.verificationScheduler = scheduler;
      return this;
    }

    /** The random source (default: {@code RandomGenerator.getDefault()}). */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /** The peer limit (default 30); -1 (any negative value) means unlimited. */
    public Builder maxPeers(int maxPeers) {
      this.maxPeers = maxPeers;
      return this;
    }

    /** Adds a bootstrapper (run in the order added). */
    public Builder bootstrapper(Bootstrapper bootstrapper) {
      this.bootstrappers.add(Objects.requireNonNull(bootstrapper, "bootstrapper"));
      return this;
    }

    /** Replaces the bootstrappers. */
    public Builder bootstrappers(List<Bootstrapper> bootstrappers) {
      this.bootstrappers.clear();
      bootstrappers.forEach(this::bootstrapper);
      return this;
    }

    /** Adds one community-specific setting (py-ipv8's {@code initialize} entries). */
    public Builder extra(String key, Object value) {
      this.extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /** Replaces the community-specific settings. */
    public Builder extra(Map<String, Object> extra) {
      this.extra.clear();
      extra.forEach(this::extra);
      return this;
    }

    /** The LAN address source (default: {@link LanAddressProvider#system()}). */
    public Builder lanAddresses(LanAddressProvider provider) {
      this.lanAddresses = provider;
      return this;
    }

    /**
     * The endpoint's router (default: a new {@link PrefixRouter#create(Endpoint)}; share one per
     * endpoint).
     */
    public Builder router(PrefixRouter router) {
      this.router = router;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalArgumentException naming the missing setting and how to set it
     */
    public CommunitySettings build() {
      if (myPeer == null) {
        throw new IllegalArgumentException(
            "community setting 'myPeer' is missing: call myPeer(Peer.own(key, clock))");
      }
      if (endpoint == null) {
        throw new IllegalArgumentException(
            "community setting 'endpoint' is missing: call endpoint(...)");
      }
      if (protocolScheduler == null) {
        throw new IllegalArgumentException(
            "community setting 'protocolScheduler' is missing: call protocolScheduler(a"
                + " single-threaded scheduler, e.g. Schedulers.newSingle(\"ipv8\"))");
      }
      return new CommunitySettings(
          myPeer,
          endpoint,
          network != null ? network : new Network(),
          protocolScheduler,
          verificationScheduler != null ? verificationScheduler : protocolScheduler,
          random != null ? random : RandomGenerator.getDefault(),
          maxPeers,
          bootstrappers,
          extra,
          lanAddresses != null ? lanAddresses : LanAddressProvider.system(),
          router != null ? router : PrefixRouter.create(endpoint));
    }
  }
}
