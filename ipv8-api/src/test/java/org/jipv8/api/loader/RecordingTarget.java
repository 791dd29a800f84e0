package org.jipv8.api.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.peer.Peer;

/** A launch target that records every call and creates {@link FakeOverlay}s. */
final class RecordingTarget implements LaunchTarget {
  final List<String> calls = new ArrayList<>();
  final List<Overlay> overlays = new ArrayList<>();
  final List<DiscoveryStrategy> strategies = new ArrayList<>();
  final List<Integer> targets = new ArrayList<>();
  final List<Bootstrapper> bootstrappers = new ArrayList<>();
  final Peer peer = new Peer(new FixedKey(), null);

  @Override
  public Peer newEphemeralPeer() {
    calls.add("newEphemeralPeer");
    return peer;
  }

  @Override
  public Overlay createOverlay(
      Class<? extends Overlay> overlayClass, Peer myPeer, Map<String, Object> kwargs) {
    calls.add("createOverlay " + overlayClass.getSimpleName() + " " + kwargs);
    return new FakeOverlay(myPeer, kwargs);
  }

  @Override
  public void addOverlay(Overlay overlay) {
    calls.add("addOverlay");
    overlays.add(overlay);
  }

  @Override
  public void addStrategy(DiscoveryStrategy strategy, int targetPeers) {
    calls.add("addStrategy " + strategy.getClass().getSimpleName() + " " + targetPeers);
    strategies.add(strategy);
    targets.add(targetPeers);
  }

  @Override
  public void addBootstrapper(Overlay overlay, Bootstrapper bootstrapper) {
    calls.add("addBootstrapper " + bootstrapper.getClass().getSimpleName());
    bootstrappers.add(bootstrapper);
  }

  /** A public key that is just 4 fixed bytes: enough for a Peer's identity. */
  private static final class FixedKey implements PublicKey {
    @Override
    public KeyType type() {
      return KeyType.CURVE25519;
    }

    @Override
    public byte[] toBin() {
      return new byte[] {1, 2, 3, 4};
    }

    @Override
    public byte[] mid() {
      return new byte[20];
    }

    @Override
    public int signatureLength() {
      return 64;
    }

    @Override
    public boolean verify(
        byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
      return false;
    }
  }
}
