package org.jipv8.api.loader;

import java.util.Map;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.peer.Peer;

/**
 * What a {@link CommunityLoader} launches into: the engine's service implements this (py-ipv8
 * passes its {@code IPv8} object). The loader calls these methods in the order of py-ipv8's {@code
 * IPv8CommunityLoader._launch}, on the thread that called {@link CommunityLoader#load}; the
 * implementation decides whether that must be its protocol thread.
 */
public interface LaunchTarget {

  /**
   * A new identity for a launched overlay: a peer holding a freshly generated curve25519 key. This
   * is what {@link CommunityLauncher#getMyPeer} returns by default (a new identity per launch, as
   * in py-ipv8).
   */
  Peer newEphemeralPeer();

  /**
   * Creates the overlay from the service's endpoint and network, {@code myPeer} and the launcher's
   * keyword arguments (py-ipv8 builds the overlay's settings from all of them).
   *
   * @param kwargs settings by name, as {@code initialize} in a configuration file; may hold nulls
   * @throws RuntimeException naming the overlay class when it cannot be created
   */
  Overlay createOverlay(
      Class<? extends Overlay> overlayClass, Peer myPeer, Map<String, Object> kwargs);

  /** Adds a created overlay to the service's overlays. */
  void addOverlay(Overlay overlay);

  /** Builds a strategy for {@code overlay}; by default with {@link StrategyDefinition#create}. */
  default DiscoveryStrategy createStrategy(StrategyDefinition definition, Overlay overlay) {
    return definition.create(overlay);
  }

  /** Schedules a strategy on the service's loop, run while the overlay has fewer peers. */
  void addStrategy(DiscoveryStrategy strategy, int targetPeers);

  /** Builds a bootstrapper; by default with {@link BootstrapperDefinition#create()}. */
  default Bootstrapper createBootstrapper(BootstrapperDefinition definition) {
    return definition.create();
  }

  /** Adds a bootstrapper to {@code overlay}'s bootstrappers. */
  void addBootstrapper(Overlay overlay, Bootstrapper bootstrapper);
}
