package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.Received;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.dht.payload.ConnectPeerRequestPayload;
import org.jipv8.reactor.dht.payload.ConnectPeerResponsePayload;
import org.jipv8.reactor.dht.payload.PingRequestPayload;
import org.jipv8.reactor.dht.payload.StorePeerRequestPayload;
import org.jipv8.reactor.dht.payload.StorePeerResponsePayload;
import org.jipv8.reactor.dht.payload.WireNode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * py-ipv8's {@code DHTDiscoveryCommunity}: a {@link DHTCommunity} that also finds peers by mid,
 * even behind a NAT. Every 30 s a node asks the nodes closest to its own mid to store it
 * (store-peer, until 4 do); every 10 s it pings those nodes and forgets peers it stores that have
 * not pinged it for 60 s. {@link #connectPeer} asks the nodes closest to a mid who stores that
 * peer; they answer with the address they see it at and ask it to puncture towards us.
 *
 * <p>Threading as {@link DHTCommunity}.
 */
public class DHTDiscoveryCommunity extends DHTCommunity {
  /** Most keys of stored peers kept (beyond py-ipv8, which keeps any number). */
  static final int MAX_STORED_KEYS = 8192;

  private final Map<ByteKey, List<TrackedNode>> store = new LinkedHashMap<>();
  private final Map<ByteKey, List<TrackedNode>> storeForMe = new LinkedHashMap<>();

  /** A DHT discovery community with the DHT's community id. */
  public DHTDiscoveryCommunity(CommunitySettings settings) {
    super(settings);
    addReceivedHandler(StorePeerRequestPayload.class, this::onStorePeerRequest);
    addReceivedHandler(ConnectPeerRequestPayload.class, this::onConnectPeerRequest);
    tasks()
        .register(
            "store_peer",
            DhtConstants.STORE_PEER_INTERVAL,
            DhtConstants.STORE_PEER_INTERVAL,
            () -> storePeer().subscribe(n -> {}, e -> {}));
    tasks()
        .register(
            "ping_all",
            DhtConstants.PING_ALL_INTERVAL,
            DhtConstants.PING_ALL_INTERVAL,
            this::pingAll);
  }

  @Override
  protected void onPingRequest(Received<PingRequestPayload> r) {
    super.onPingRequest(r);
    TrackedNode stored = find(r.peer().publicKeyBin(), store);
    if (stored != null) {
      stored.recordQuery(now());
    }
  }

  @Override
  void onPingAnswered(Node node) {
    TrackedNode storing = find(node.publicKeyRef(), storeForMe);
    if (storing != null) {
      storing.heardFrom(now());
    }
  }

  private static TrackedNode find(byte[] key, Map<ByteKey, List<TrackedNode>> map) {
    for (List<TrackedNode> nodes : map.values()) {
      for (TrackedNode n : nodes) {
        if (Arrays.equals(n.node().publicKeyRef(), key)) {
          return n;
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ store-peer

  /**
   * Announces us under our mid on the closest nodes (the 30 s task), unless 4 already store us.
   *
   * @return the nodes that confirmed now (empty when none was needed or none confirmed)
   */
  public final Mono<List<Node>> storePeer() {
    return Mono.defer(
            () -> {
              byte[] key = myPeer().mid();
              List<TrackedNode> current = storeForMe.getOrDefault(new ByteKey(key), List.of());
              if (current.size() >= DhtConstants.TARGET_NODES / 2) {
                return Mono.just(List.<Node>of());
              }
              return crawlNodes(key)
                  .flatMap(
                      nodes ->
                          sendStorePeerRequests(
                              key,
                              nodes.subList(0, Math.min(DhtConstants.TARGET_NODES, nodes.size()))));
            })
        .subscribeOn(protocolScheduler());
  }

  private Mono<List<Node>> sendStorePeerRequests(byte[] key, List<TrackedNode> nodes) {
    List<TrackedNode> storing =
        storeForMe.computeIfAbsent(new ByteKey(key), k -> new ArrayList<>());
    List<Mono<Node>> sends = new ArrayList<>();
    for (TrackedNode n : nodes) {
      if (storing.stream().anyMatch(s -> s.node().equals(n.node()))) {
        continue;
      }
      byte[] token = heldToken(n);
      if (token == null) {
        continue;
      }
      // A separate object: the stored-at entry keeps its own status, apart from the table's.
      TrackedNode fresh = new TrackedNode(n.node());
      sends.add(
          dhtRequest(
                  "store-peer",
                  fresh,
                  id -> new StorePeerRequestPayload(id, token, key),
                  StorePeerResponsePayload.class,
                  DhtConstants.STORE_PEER_TIMEOUT)
              .map(
                  r -> {
                    if (storing.stream().noneMatch(s -> s.node().equals(fresh.node()))) {
                      storing.add(fresh);
                    }
                    return fresh.node();
                  })
              .onErrorResume(e -> Mono.empty()));
    }
    if (sends.isEmpty()) {
      return Mono.error(new DhtException("no node to store us at gave us a token"));
    }
    return Flux.merge(sends).collectList();
  }

  private void onStorePeerRequest(Received<StorePeerRequestPayload> r) {
    TrackedNode node = new TrackedNode(new Node(r.peer().publicKey(), r.source()));
    node.recordQuery(now());
    StorePeerRequestPayload p = r.payload();
    if (!tokens().check(node.node(), p.token())) {
      drop(DhtDrop.BAD_TOKEN, StorePeerRequestPayload.class);
      return;
    }
    if (!Arrays.equals(p.target(), r.peer().mid())) {
      drop(DhtDrop.KEY_MISMATCH, StorePeerRequestPayload.class);
      return;
    }
    ByteKey key = new ByteKey(p.target());
    List<TrackedNode> nodes = store.get(key);
    if (nodes == null) {
      if (store.size() >= MAX_STORED_KEYS) {
        drop(DhtDrop.STORAGE_FULL, StorePeerRequestPayload.class);
        return;
      }
      nodes = new ArrayList<>();
      store.put(key, nodes);
    }
    if (nodes.stream().noneMatch(n -> n.node().equals(node.node()))) {
      nodes.add(node);
    }
    sendMessage(r.source(), new StorePeerResponsePayload(p.identifier()));
  }

  /** The peers stored here under {@code mid} (a snapshot; call on the protocol thread). */
  public final List<Node> storedPeers(byte[] mid) {
    List<Node> out = new ArrayList<>();
    store.getOrDefault(new ByteKey(mid), List.of()).forEach(n -> out.add(n.node()));
    return out;
  }

  /** The nodes that confirmed they store us (a snapshot; call on the protocol thread). */
  public final List<Node> storingUs() {
    List<Node> out = new ArrayList<>();
    storeForMe.getOrDefault(new ByteKey(myPeer().mid()), List.of()).forEach(n -> out.add(n.node()));
    return out;
  }

  // ------------------------------------------------------------------ connect-peer

  /**
   * Finds the peer whose mid is {@code mid}: from the peers stored here, else by a crawl for the
   * mid and connect-peer-requests to the (at most 8) closest nodes, which also ask the peer to
   * puncture towards us. Completes with the peer at the address a storing node sees it at; nodes
   * whose key does not hash to {@code mid} are ignored.
   *
   * @return errors when no node is known, none answered, or none stores the peer
   */
  public final Mono<Peer> connectPeer(byte[] mid) {
    return Mono.defer(
            () -> {
              byte[] target = NodeIds.key(mid);
              List<TrackedNode> local = store.get(new ByteKey(target));
              if (local != null && !local.isEmpty()) {
                return Mono.just(toPeer(local.get(0).node()));
              }
              return crawlNodes(target)
                  .flatMap(
                      nodes ->
                          sendConnectPeerRequests(
                              target,
                              nodes.subList(0, Math.min(DhtConstants.TARGET_NODES, nodes.size()))));
            })
        .subscribeOn(protocolScheduler());
  }

  private Mono<Peer> sendConnectPeerRequests(byte[] target, List<TrackedNode> nodes) {
    if (nodes.isEmpty()) {
      return Mono.error(new DhtException("no nodes found to ask for the peer"));
    }
    List<Mono<ConnectPeerResponsePayload>> sends = new ArrayList<>();
    for (TrackedNode n : nodes) {
      TrackedNode fresh = new TrackedNode(n.node());
      sends.add(
          dhtRequest(
                  "connect-peer",
                  fresh,
                  id -> new ConnectPeerRequestPayload(id, myEstimatedLan(), target),
                  ConnectPeerResponsePayload.class,
                  DhtConstants.CONNECT_PEER_TIMEOUT)
              .onErrorResume(e -> Mono.empty()));
    }
    return Flux.merge(sends)
        .flatMapIterable(ConnectPeerResponsePayload::nodes)
        .filter(w -> matches(w, target))
        .next()
        .map(w -> toPeer(new Node(Keys.publicFromBin(w.publicKey()), w.address())))
        .switchIfEmpty(
            Mono.error(
                new DhtException(
                    "none of the " + nodes.size() + " closest nodes stores the peer")));
  }

  private boolean matches(WireNode w, byte[] mid) {
    try {
      Node node = new Node(Keys.publicFromBin(w.publicKey()), w.address());
      if (Arrays.equals(node.midRef(), mid)) {
        return true;
      }
    } catch (IllegalArgumentException e) {
      // an unusable item: counted below
    }
    count(DhtDrop.BAD_NODE);
    return false;
  }

  private Peer toPeer(Node node) {
    return new Peer(node.publicKey(), node.address(), true, this::now);
  }

  private void onConnectPeerRequest(Received<ConnectPeerRequestPayload> r) {
    ConnectPeerRequestPayload p = r.payload();
    List<TrackedNode> stored = store.getOrDefault(new ByteKey(p.target()), List.of());
    List<TrackedNode> nodes =
        stored.subList(0, Math.min(DhtConstants.MAX_NODES_IN_FIND, stored.size()));
    List<WireNode> wire = new ArrayList<>();
    for (TrackedNode n : nodes) {
      sendPunctureRequest(n.address(), p.lanAddress(), r.source(), p.identifier());
      wire.add(new WireNode(n.address(), n.node().publicKeyRef()));
    }
    sendMessage(r.source(), new ConnectPeerResponsePayload(p.identifier(), wire));
  }

  // ------------------------------------------------------------------ ping_all

  private void pingAll() {
    long now = now();
    for (List<TrackedNode> nodes : storeForMe.values()) {
      for (int i = nodes.size() - 1; i >= 0; i--) {
        TrackedNode n = nodes.get(i);
        if (n.status(now) == NodeStatus.BAD) {
          nodes.remove(i);
        } else if (n.lastPingSent() + DhtConstants.PING_INTERVAL.toMillis() <= now) {
          ping(n).subscribe(x -> {}, e -> {});
        }
      }
    }
    for (List<TrackedNode> nodes : store.values()) {
      nodes.removeIf(n -> now > n.lastQuery() + DhtConstants.STORED_PEER_AGE.toMillis());
    }
    store.values().removeIf(List::isEmpty);
  }

  /** Where the peer stored under {@code mid} was seen, if stored here. */
  final Address storedAddress(byte[] mid) {
    List<TrackedNode> nodes = store.get(new ByteKey(mid));
    return nodes == null || nodes.isEmpty() ? null : nodes.get(0).address();
  }
}
