package org.jipv8.reactor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PrefixRouter;
import org.jipv8.reactor.sim.MemoryEndpoint;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * One node of a {@link TestNetwork}: an open {@link MemoryEndpoint}, a {@link Network} and an
 * identity shared by the node's communities (as in one py-ipv8 process). Communities are added with
 * {@link #add}; their LAN and WAN estimates are forced to the node's addresses, as py-ipv8's {@code
 * MockIPv8} does.
 */
public final class TestNode {
  private final VirtualTimeScheduler scheduler;
  private final MemoryEndpoint endpoint;
  private final Network network = new Network();
  private final PrefixRouter router;
  private final Peer myPeer;
  private final RandomGenerator random;
  private final List<Community> communities = new ArrayList<>();

  TestNode(
      VirtualTimeScheduler scheduler,
      MemoryEndpoint endpoint,
      Peer myPeer,
      RandomGenerator random) {
    this.scheduler = scheduler;
    this.endpoint = endpoint;
    this.router = PrefixRouter.create(endpoint);
    this.myPeer = myPeer;
    this.random = random;
  }

  /** The node's endpoint. */
  public MemoryEndpoint endpoint() {
    return endpoint;
  }

  /** The node's peer bookkeeping, shared by its communities. */
  public Network network() {
    return network;
  }

  /** The node's identity. */
  public Peer myPeer() {
    return myPeer;
  }

  /** The LAN address. */
  public Address lan() {
    return endpoint.lan();
  }

  /** The WAN address: where other nodes reach this one and the source of what it sends. */
  public Address wan() {
    return endpoint.wan();
  }

  /** Settings for a community on this node (virtual time everywhere, no LAN addresses). */
  public CommunitySettings.Builder settings() {
    return CommunitySettings.builder()
        .myPeer(myPeer)
        .endpoint(endpoint)
        .network(network)
        .protocolScheduler(scheduler)
        .verificationScheduler(scheduler)
        .random(random)
        .lanAddresses(LanAddressProvider.none())
        .router(router);
  }

  /** Adds a community built from default settings. */
  public <C extends Community> C add(Function<CommunitySettings, C> factory) {
    return add(UnaryOperator.identity(), factory);
  }

  /** Adds a community built from customised settings. */
  public <C extends Community> C add(
      UnaryOperator<CommunitySettings.Builder> customize, Function<CommunitySettings, C> factory) {
    C community = factory.apply(customize.apply(settings()).build());
    community.setMyEstimatedLan(lan());
    community.setMyEstimatedWan(wan());
    community.start().subscribe();
    communities.add(community);
    return community;
  }

  /** The communities in the order added. */
  public List<Community> communities() {
    return List.copyOf(communities);
  }

  /** The first community of that type. */
  public <C extends Community> C community(Class<C> type) {
    return communities.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " on " + this));
  }

  @Override
  public String toString() {
    return "TestNode[" + wan() + "]";
  }
}
