package org.jipv8.reactor.service;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.loader.LaunchTarget;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.BootstrapperAware;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.crypto.Keys;

/** Lets py-ipv8-style launchers add overlays, strategies and bootstrappers to a node. */
final class ServiceLaunchTarget implements LaunchTarget {
  private final Ipv8 node;
  private final LongSupplier clock;
  private final Map<Class<?>, OverlayFactory<?>> factories;
  private final BiFunction<Peer, Map<String, Object>, CommunitySettings> settings;
  private Overlay lastOverlay;

  ServiceLaunchTarget(
      Ipv8 node,
      LongSupplier clock,
      Map<Class<?>, OverlayFactory<?>> factories,
      BiFunction<Peer, Map<String, Object>, CommunitySettings> settings) {
    this.node = node;
    this.clock = clock;
    this.factories = factories;
    this.settings = settings;
  }

  @Override
  public Peer newEphemeralPeer() {
    return Peer.own(Keys.generate(KeyType.CURVE25519), clock);
  }

  @Override
  public Overlay createOverlay(
      Class<? extends Overlay> overlayClass, Peer myPeer, Map<String, Object> kwargs) {
    OverlayFactory<?> factory = factories.get(overlayClass);
    if (factory == null) {
      throw new IllegalStateException(
          "no factory registered for overlay class "
              + overlayClass.getName()
              + "; register it with Ipv8.builder().overlay("
              + overlayClass.getSimpleName()
              + ".class, ...)");
    }
    return factory.create(settings.apply(myPeer, kwargs));
  }

  @Override
  public void addOverlay(Overlay overlay) {
    lastOverlay = overlay;
    node.addOverlay(overlay);
  }

  @Override
  public void addStrategy(DiscoveryStrategy strategy, int targetPeers) {
    Overlay o = strategy.overlay() != null ? strategy.overlay() : lastOverlay;
    node.addStrategy(o, strategy, targetPeers);
  }

  @Override
  public void addBootstrapper(Overlay overlay, Bootstrapper bootstrapper) {
    if (overlay instanceof BootstrapperAware aware) {
      aware.addBootstrapper(bootstrapper);
    } else {
      throw new IllegalStateException(
          overlay.getClass().getSimpleName() + " does not accept bootstrappers");
    }
  }
}
