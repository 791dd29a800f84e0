package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.PeerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The reactive side of one community's receive path: a {@link Broadcast} per subscribed message id
 * ({@code messages(...)}), the {@code peers()} stream with the set of peers it was told of, and the
 * pending requests, all behind the {@link Taps} the dispatch stage calls.
 *
 * <p>Threading: the streams are fed on the protocol thread; {@link #messages} and {@link #peers}
 * may be called anywhere. Network observer calls become protocol tasks of their own, so nothing is
 * emitted while the network holds its lock.
 */
final class Subscribers implements Taps, Network.PeerObserver {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  private final CommunityId communityId;
  private final Network network;
  private final CommunityStatistics statistics;
  private final ProtocolThread protocol;
  private final PendingRequests requests;
  private final String owner;
  private final AtomicReferenceArray<Broadcast<Received<?>>> streams =
      new AtomicReferenceArray<>(256);
  private final Broadcast<PeerEvent> peerEvents;
  private final Set<Peer> members = new LinkedHashSet<>();
  private volatile boolean closed;

  Subscribers(
      CommunityId communityId,
      Network network,
      CommunityStatistics statistics,
      ProtocolThread protocol,
      PendingRequests requests,
      String owner) {
    this.communityId = communityId;
    this.network = network;
    this.statistics = statistics;
    this.protocol = protocol;
    this.requests = requests;
    this.owner = owner;
    this.peerEvents =
        new Broadcast<>(
            protocol,
            Community.SUBSCRIBER_BUFFER,
            () -> statistics.countDrop(DropReason.SUBSCRIBER_OVERFLOW, CommunityStatistics.NO_ID));
  }

  /** Starts following the network's peers (the current ones become members at once). */
  void open() {
    network.addPeerObserver(this);
    protocol.execute(() -> members.addAll(network.getPeersForService(communityId)));
  }

  /** The stream of {@code type} (message id {@code id}); see {@code Community.messages}. */
  <T extends Record> Flux<Received<T>> messages(int id, Class<T> type) {
    Broadcast<Received<?>> stream = streams.get(id);
    if (stream == null) {
      streams.compareAndSet(
          id,
          null,
          new Broadcast<>(
              protocol,
              Community.SUBSCRIBER_BUFFER,
              () -> statistics.countDrop(DropReason.SUBSCRIBER_OVERFLOW, id)));
      stream = streams.get(id);
    }
    if (closed) {
      return Flux.empty();
    }
    return stream.flux(null).filter(r -> type.isInstance(r.payload())).map(r -> cast(r, type));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> Received<T> cast(Received<?> r, Class<T> type) {
    type.cast(r.payload());
    return (Received<T>) r;
  }

  /** See {@code Community.peers()}. */
  Flux<PeerEvent> peers() {
    if (closed) {
      return Flux.empty();
    }
    return peerEvents.flux(
        () -> members.stream().map(p -> new PeerEvent(PeerEvent.Kind.ADDED, p)).toList());
  }

  @Override
  public boolean listens(int id) {
    return streams.get(id) != null || requests.expects(id);
  }

  @Override
  public DropReason deliver(int id, Received<?> received, boolean hasHandler) {
    DropReason unanswered = requests.offer(received);
    Broadcast<Received<?>> stream = streams.get(id);
    boolean subscribed = stream != null && stream.hasSubscribers();
    if (stream != null) {
      stream.publish(received);
    }
    return unanswered != null && !hasHandler && !subscribed ? unanswered : null;
  }

  @Override
  public void onPeerAdded(Peer peer) {
    later(peer);
  }

  @Override
  public void onPeerRemoved(Peer peer) {
    later(peer);
  }

  @Override
  public void onServicesDiscovered(Peer peer, Collection<CommunityId> services) {
    // Services are only ever added, so a member that serves this community again stays a member:
    // its recheck would change nothing. Every introduction-request of a known peer comes here.
    if (services.contains(communityId) && !(protocol.isCurrent() && members.contains(peer))) {
      later(peer);
    }
  }

  private void later(Peer peer) {
    try {
      protocol
          .scheduler()
          .schedule(
              () -> {
                protocol.enter();
                recheck(peer);
              });
    } catch (RejectedExecutionException e) {
      log.debug("{}: peer change of {} after the scheduler stopped", owner, peer);
    }
  }

  private void recheck(Peer peer) {
    if (closed) {
      return;
    }
    Peer stored = network.getVerifiedByPublicKeyBin(peer.publicKeyBin());
    boolean member = stored != null && network.getServicesForPeer(stored).contains(communityId);
    if (member && members.add(stored)) {
      peerEvents.publish(new PeerEvent(PeerEvent.Kind.ADDED, stored));
    } else if (!member && members.remove(peer)) {
      peerEvents.publish(new PeerEvent(PeerEvent.Kind.REMOVED, peer));
    }
  }

  /** Stops following the network and completes every stream (protocol thread). */
  void close() {
    closed = true;
    network.removePeerObserver(this);
    peerEvents.complete();
    for (int id = 0; id < streams.length(); id++) {
      Broadcast<Received<?>> stream = streams.get(id);
      if (stream != null) {
        stream.complete();
      }
    }
  }
}
