package org.jipv8.reactor.community;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.peer.Peer;
import reactor.core.scheduler.Scheduler;

/**
 * The identity, state accessors and walking of a {@link Community} (its only subclass), over the
 * {@link CommunityEngine}: split from {@code Community} so that the class users extend reads as its
 * messaging API. Users never name this type.
 *
 * <p>Threading: getters return snapshots and are safe anywhere; walking hops to the protocol thread
 * by itself.
 */
abstract sealed class CommunityCore implements NetworkOverlay, BootstrapperAware permits Community {
  private final CommunityId communityId;
  private final CommunitySettings settings;
  private final Peer myPeer;
  private final Network network;
  private final CommunityEngine engine;
  private volatile boolean unloaded;

  CommunityCore(CommunityId communityId, CommunitySettings settings) {
    this.communityId = Objects.requireNonNull(communityId, "communityId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.myPeer = settings.myPeer();
    this.network = settings.network();
    this.engine =
        new CommunityEngine((Community) this, communityId, settings, getClass().getSimpleName());
    network.registerServiceProvider(communityId, this);
    network.addBlacklistedMid(myPeer.mid());
    engine.introductions.registerCoreHandlers();
  }

  final CommunityEngine engine() {
    return engine;
  }

  /** Marks the community unloaded; false when it already was. */
  final boolean markUnloaded() {
    if (unloaded) {
      return false;
    }
    unloaded = true;
    return true;
  }

  /** Whether {@code unload()} ran. */
  public final boolean isUnloaded() {
    return unloaded;
  }

  @Override
  public final CommunityId communityId() {
    return communityId;
  }

  /** The 22-byte prefix of every packet of this community (a copy). */
  public final byte[] prefix() {
    return communityId.prefix();
  }

  @Override
  public final Peer myPeer() {
    return myPeer;
  }

  @Override
  public final Network network() {
    return network;
  }

  /** The transport. */
  public final Endpoint endpoint() {
    return settings.endpoint();
  }

  /** The settings this community was created with. */
  public final CommunitySettings settings() {
    return settings;
  }

  /** The protocol scheduler on which all state lives. */
  public final Scheduler protocolScheduler() {
    return engine.thread.scheduler();
  }

  @Override
  public final long now() {
    return engine.thread.scheduler().now(TimeUnit.MILLISECONDS);
  }

  @Override
  public final RandomGenerator random() {
    return settings.random();
  }

  @Override
  public final int maxPeers() {
    return settings.maxPeers();
  }

  /** Counters of received, handled, sent and dropped datagrams. */
  public final CommunityStatistics statistics() {
    return engine.statistics;
  }

  /** Adds a bootstrapper after construction (launchers do); it runs after the earlier ones. */
  @Override
  public final void addBootstrapper(Bootstrapper bootstrapper) {
    engine.bootstrapping.add(bootstrapper);
  }

  /** The bootstrappers not yet unloaded (a snapshot). */
  public final List<Bootstrapper> bootstrappers() {
    return engine.bootstrapping.snapshot();
  }

  /** Raises this identity's Lamport clock by one and returns it (shared with same-key peers). */
  public final long claimGlobalTime() {
    return myPeer.claimGlobalTime();
  }

  @Override
  public List<Peer> getPeers() {
    return network.getPeersForService(communityId);
  }

  @Override
  public List<Address> getWalkableAddresses() {
    return network.getWalkableAddresses(communityId, false);
  }

  /** Sends an introduction-request to {@code address}; callable from any thread. */
  @Override
  public void walkTo(Address address) {
    Objects.requireNonNull(address, "address");
    sendIntroductionRequest(address, network.isNewStyle(address));
  }

  /** Sends an introduction-request to {@code peer} (new-style when it is marked so). */
  public final void sendIntroductionRequest(Peer peer) {
    sendIntroductionRequest(peer.address(), peer.newStyleIntro());
  }

  /** Sends a 234 when {@code newStyle} or to IPv6, else a 246; from any thread. */
  public final void sendIntroductionRequest(Address destination, boolean newStyle) {
    engine.thread.execute(
        () -> engine.introductions.sendIntroductionRequest(destination, newStyle));
  }

  /** Walks on: to {@code fromPeer}, else bootstrap, keep-alive or a random peer; any thread. */
  @Override
  public void getNewIntroduction(Peer fromPeer) {
    engine.thread.execute(() -> engine.bootstrapping.newIntroduction(fromPeer));
  }

  /**
   * Per bootstrapper: initialise it, ask it for addresses (at most {@link
   * Community#BOOTSTRAP_TIMEOUT}), walk to at most {@link #maxPeers()} of them (all when the limit
   * is not positive, A14). Callable from any thread; {@code unload()} cancels pending tasks.
   */
  @Override
  public void bootstrap() {
    engine.thread.execute(engine.bootstrapping::bootstrap);
  }

  /** This machine's LAN addresses as last discovered (a snapshot). */
  public final List<String> lanAddresses() {
    return engine.own.lanAddresses();
  }

  /**
   * The LAN estimate: {@code 0.0.0.0:0} (or {@code ::1:0}) while the endpoint is closed, else the
   * first LAN address of the endpoint's family (else 127.0.0.1 or ::1) with its port, cached.
   */
  public final Address myEstimatedLan() {
    return engine.own.myEstimatedLan();
  }

  /** Overrides the LAN estimate (tests; nodes with a known LAN address). */
  public final void setMyEstimatedLan(Address address) {
    engine.own.setMyEstimatedLan(address);
  }

  /** The WAN estimate, learnt from public IPv4 destinations of introduction-responses. */
  public final Address myEstimatedWan() {
    return engine.own.myEstimatedWan();
  }

  /** Overrides the WAN estimate (tests). */
  public final void setMyEstimatedWan(Address address) {
    engine.own.setMyEstimatedWan(address);
  }
}
