package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;

/**
 * The observers of a {@link Network}: an immutable list replaced whole (lock-free) when one is
 * added or removed, from any thread, and notified on the protocol thread in the order they were
 * added.
 */
final class NetworkObservers {
  private final AtomicReference<List<Network.PeerObserver>> observers =
      new AtomicReference<>(List.of());

  void add(Network.PeerObserver observer) {
    Objects.requireNonNull(observer, "observer");
    observers.updateAndGet(
        now -> {
          if (now.contains(observer)) {
            return now;
          }
          List<Network.PeerObserver> next = new ArrayList<>(now);
          next.add(observer);
          return List.copyOf(next);
        });
  }

  void remove(Network.PeerObserver observer) {
    observers.updateAndGet(
        now -> {
          List<Network.PeerObserver> next = new ArrayList<>(now);
          next.remove(observer);
          return List.copyOf(next);
        });
  }

  void added(Peer peer) {
    for (Network.PeerObserver o : observers.get()) {
      o.onPeerAdded(peer);
    }
  }

  void removed(Peer peer) {
    for (Network.PeerObserver o : observers.get()) {
      o.onPeerRemoved(peer);
    }
  }

  void servicesDiscovered(Peer peer, Collection<CommunityId> services) {
    for (Network.PeerObserver o : observers.get()) {
      o.onServicesDiscovered(peer, services);
    }
  }
}
