package org.jipv8.reactor.dht;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.Received;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.dht.payload.FindRequestPayload;
import org.jipv8.reactor.dht.payload.FindResponsePayload;
import org.jipv8.reactor.dht.payload.PingRequestPayload;
import org.jipv8.reactor.dht.payload.PingResponsePayload;
import org.jipv8.reactor.dht.payload.StoreRequestPayload;
import org.jipv8.reactor.dht.payload.StoreResponsePayload;
import org.jipv8.reactor.dht.payload.WireNode;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.discovery.RoutingTableOverlay;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * py-ipv8's {@code DHTCommunity}, byte for byte: stores and finds values under 20-byte keys on the
 * nodes whose ids are closest to the key (Kademlia, XOR distance).
 *
 * <pre>{@code
 * DHTCommunity dht = ...;                       // loaded as "DHTCommunity" with RandomWalk + PingChurn
 * dht.storeValue(key, "hello".getBytes(), true) // Mono<List<Node>>: the nodes that stored it
 *    .thenMany(dht.findValues(key))             // Flux<DhtValue>: as they arrive, deduplicated
 *    .subscribe(v -> System.out.println(new String(v.data()) + " signed by " + v.signer()));
 * }</pre>
 *
 * <p>Like py-ipv8's, the community keeps its own {@link Network} (a copy of the blacklist of the
 * one in the settings): DHT peers are the nodes of its routing table. Nodes are discovered through
 * the introduction protocol (walkers) and by crawls, and kept alive by {@code PingChurn}. Requests
 * to one node are limited to 10 per 5 s (py-ipv8 silently drops more).
 *
 * <p>Threading: state lives on the protocol scheduler; the {@code Mono}s and {@code Flux}es are
 * lazy, do their work there when subscribed and signal there. Errors are {@link DhtException}s
 * naming what failed. Getters return snapshots and should be called on the protocol thread.
 */
public class DHTCommunity extends Community implements RoutingTableOverlay {
  private record HeldToken(long receivedAt, byte[] token) {}

  private final Map<Boolean, RoutingTable> tables = new HashMap<>();
  private final Storage storage = new Storage();
  private final TokenIssuer tokens = new TokenIssuer();
  private final Map<ByteKey, HeldToken> heldTokens = new HashMap<>();
  private final DhtStatistics dhtStatistics = new DhtStatistics();
  private final DhtRequests requests;
  private final DhtLookups lookups = new DhtLookups(this);

  /** A DHT community with the DHT's community id. */
  public DHTCommunity(CommunitySettings settings) {
    this(DhtConstants.COMMUNITY_ID, settings);
  }

  /** A DHT community under another id (a private DHT; py-ipv8 nodes will not see it). */
  protected DHTCommunity(CommunityId id, CommunitySettings settings) {
    super(id, ownNetwork(settings));
    this.requests = new DhtRequests(protocolScheduler(), this::now, this::request, dhtStatistics);
    rotateTokenSecret();
    tasks()
        .register(
            "token_maintenance",
            DhtConstants.TOKEN_MAINTENANCE_INTERVAL,
            DhtConstants.TOKEN_MAINTENANCE_INTERVAL,
            this::tokenMaintenance);
    tasks()
        .register(
            "node_maintenance",
            DhtConstants.NODE_MAINTENANCE_INTERVAL,
            DhtConstants.NODE_MAINTENANCE_INTERVAL,
            this::nodeMaintenance);
    tasks()
        .register(
            "value_maintenance",
            DhtConstants.VALUE_MAINTENANCE_INTERVAL,
            DhtConstants.VALUE_MAINTENANCE_INTERVAL,
            () -> storage.clean(now()));
    addReceivedHandler(PingRequestPayload.class, this::onPingRequest);
    addReceivedHandler(StoreRequestPayload.class, this::onStoreRequest);
    addReceivedHandler(FindRequestPayload.class, this::onFindRequest);
  }

  private static CommunitySettings ownNetwork(CommunitySettings settings) {
    Network own = new Network();
    settings.network().blacklist().forEach(own::addToBlacklist);
    return settings.toBuilder().network(own).build();
  }

  @Override
  public Map<String, StrategyFactory> availableStrategies() {
    return Map.of(BuiltinStrategies.PING_CHURN, BuiltinStrategies.pingChurn());
  }

  // ------------------------------------------------------------------ sending (one place each)

  /** Sends a signed DHT message; the single send path of the DHT, so it is easy to change. */
  final void sendMessage(Address address, Record message) {
    sendNow(address, message);
  }

  /** Asks the node at {@code to} to puncture towards {@code wan} / {@code lan} (py-ipv8 does). */
  final void sendPunctureRequest(Address to, Address lan, Address wan, int identifier) {
    int id = identifier & 0xFFFF;
    Record request =
        lan.isIpv4() && wan.isIpv4()
            ? new PunctureRequestPayload(lan, wan, id)
            : new NewPunctureRequestPayload(lan, wan, id);
    sendNow(to, request, claimGlobalTime());
  }

  final <R extends Record & Correlated> Mono<R> dhtRequest(
      String type,
      TrackedNode node,
      IntFunction<? extends Record> build,
      Class<R> response,
      Duration timeout) {
    return requests.request(type, node, build, response, timeout);
  }

  // ------------------------------------------------------------------ identity and tables

  private static boolean v6(Address a) {
    return a.isIpv6();
  }

  /** Our node id as nodes of {@code address}'s family see it. */
  public final byte[] myNodeId(Address address) {
    AddressKind kind = v6(address) ? AddressKind.UDPV6 : AddressKind.UDPV4;
    Address mine = myPeer().addresses().get(kind);
    if (mine == null) {
      mine = myEstimatedWan();
    }
    if (mine.isNull()) {
      // Before the first introduction-response the WAN estimate may still be 0.0.0.0.
      mine = myEstimatedLan();
    }
    return NodeIds.of(mine, myPeer().mid());
  }

  final RoutingTable routingTable(Address forAddress) {
    return tables.computeIfAbsent(v6(forAddress), k -> new RoutingTable(myNodeId(forAddress)));
  }

  final Storage storage() {
    return storage;
  }

  final TokenIssuer tokens() {
    return tokens;
  }

  /** What the DHT ignored, by reason. */
  public final DhtStatistics dhtStatistics() {
    return dhtStatistics;
  }

  final void count(DhtDrop drop) {
    dhtStatistics.increment(drop);
  }

  /** The nodes of the routing tables (a snapshot; call on the protocol thread). */
  public final List<Node> routingTableNodes() {
    List<Node> out = new ArrayList<>();
    tables.values().forEach(t -> t.nodes().forEach(n -> out.add(n.node())));
    return out;
  }

  /** Number of values stored here for others. */
  public final int storedValueCount() {
    return storage.valueCount();
  }

  // ------------------------------------------------------------------ node discovery

  @Override
  protected void introductionRequestCallback(Peer peer, long globalTime, Record payload) {
    onNodeDiscovered(peer.publicKey(), peer.address());
  }

  @Override
  protected void introductionResponseCallback(Peer peer, long globalTime, Record payload) {
    onNodeDiscovered(peer.publicKey(), peer.address());
  }

  /** Files a node that walked to us or was walked to; a new one is pinged (round-trip time). */
  protected final void onNodeDiscovered(PublicKey key, Address source) {
    if (source.isIpv6() && myPeer().addresses().get(AddressKind.UDPV6) == null) {
      return;
    }
    if (network().isBlacklisted(source)) {
      return;
    }
    Node node = new Node(key, source);
    RoutingTable table = routingTable(source);
    boolean existed = table.has(node.idRef());
    TrackedNode stored = table.add(node, now());
    if (!existed && stored != null) {
      ping(stored).subscribe(n -> {}, e -> {});
    }
  }

  /** A response's node-list item as a node to contact, or null (counted) when unusable. */
  final TrackedNode toTrackedNode(WireNode wire, RoutingTable table) {
    Node node;
    try {
      node = new Node(Keys.publicFromBin(wire.publicKey()), wire.address());
    } catch (IllegalArgumentException e) {
      count(DhtDrop.BAD_NODE);
      return null;
    }
    if (Arrays.equals(node.publicKeyRef(), myPeer().publicKeyBin())
        || network().isBlacklisted(node.address())
        || node.address().port() == 0) {
      count(DhtDrop.BAD_NODE);
      return null;
    }
    TrackedNode known = table.get(node.idRef());
    return known != null ? known : new TrackedNode(node);
  }

  /**
   * The requesting node, filed in the routing table, with this query recorded; null when it sent 10
   * requests in the last 5 s (the request is then dropped and counted).
   */
  private TrackedNode requestingNode(Received<?> r, int messageId) {
    Node node = new Node(r.peer().publicKey(), r.source());
    RoutingTable table = routingTable(r.source());
    TrackedNode known = table.get(node.idRef());
    long now = now();
    if (known != null && known.blocked(now)) {
      count(DhtDrop.RATE_LIMITED);
      dropByPolicy(messageId);
      return null;
    }
    TrackedNode stored = table.add(node, now);
    TrackedNode requester = stored != null ? stored : new TrackedNode(node);
    requester.recordQuery(now);
    return requester;
  }

  final void drop(DhtDrop reason, Class<? extends Record> type) {
    count(reason);
    dropByPolicy(Packets.messageId(type));
  }

  // ------------------------------------------------------------------ ping

  /** Pings {@code node}; completes with it when it answers, errors on timeout (5 s). */
  public final Mono<Node> ping(Node node) {
    return Mono.defer(
            () -> {
              RoutingTable table = routingTable(node.address());
              TrackedNode known = table.get(node.idRef());
              return ping(known != null ? known : new TrackedNode(node));
            })
        .subscribeOn(protocolScheduler());
  }

  final Mono<Node> ping(TrackedNode node) {
    return dhtRequest(
            "ping",
            node,
            PingRequestPayload::new,
            PingResponsePayload.class,
            DhtConstants.PING_TIMEOUT)
        .map(r -> node.node())
        .doOnNext(this::onPingAnswered);
  }

  @Override
  public void sendPing(Peer peer) {
    ping(new Node(peer.publicKey(), peer.address())).subscribe(n -> {}, e -> {});
  }

  /** Answers a ping-request (unless the sender is over the rate limit). */
  protected void onPingRequest(Received<PingRequestPayload> r) {
    if (requestingNode(r, 1) != null) {
      sendMessage(r.source(), new PingResponsePayload(r.payload().identifier()));
    }
  }

  /** A ping of {@code node} was answered (the discovery community updates its records). */
  void onPingAnswered(Node node) {}

  // ------------------------------------------------------------------ store

  private void onStoreRequest(Received<StoreRequestPayload> r) {
    TrackedNode node = requestingNode(r, 3);
    if (node == null) {
      return;
    }
    StoreRequestPayload p = r.payload();
    if (p.values().stream().anyMatch(v -> v.length > DhtValues.MAX_ENTRY_SIZE)) {
      drop(DhtDrop.VALUE_TOO_LARGE, StoreRequestPayload.class);
      return;
    }
    if (p.values().size() > DhtConstants.MAX_VALUES_IN_STORE) {
      drop(DhtDrop.TOO_MANY_VALUES, StoreRequestPayload.class);
      return;
    }
    if (!tokens.check(node.node(), p.token())) {
      drop(DhtDrop.BAD_TOKEN, StoreRequestPayload.class);
      return;
    }
    // The more nodes we know closer to the key, the shorter we keep it (against over-caching).
    RoutingTable table = routingTable(r.source());
    byte[] mine = table.myNodeId();
    int closer = 0;
    for (TrackedNode n : table.closestNodes(p.target(), 20, null)) {
      if (NodeIds.compareDistance(n.id(), mine, p.target()) < 0) {
        closer++;
      }
    }
    long maxAge =
        (DhtConstants.MAX_ENTRY_AGE
                >> Math.min(30, Math.max(0, closer - DhtConstants.TARGET_NODES + 1)))
            * 1000L;
    for (byte[] value : p.values()) {
      addValue(p.target(), value, maxAge);
    }
    sendMessage(r.source(), new StoreResponsePayload(p.identifier()));
  }

  /** Stores one serialized value here if it verifies (counted otherwise). */
  final void addValue(byte[] key, byte[] value, long maxAgeMillis) {
    Optional<DhtValue> parsed = DhtValues.parse(value);
    if (parsed.isEmpty()) {
      count(DhtDrop.INVALID_VALUE);
      return;
    }
    DhtValue v = parsed.get();
    byte[] id = v.signed() ? DhtValues.sha1(v.signer().toBin()) : null;
    if (!storage.put(key, value, id, v.version(), maxAgeMillis, now())) {
      count(DhtDrop.STORAGE_FULL);
    }
  }

  /**
   * Stores {@code value} under {@code key} on the closest nodes: a crawl for the key, then
   * store-requests to the (at most 8) closest nodes that gave us a token. Signed values carry our
   * key and the current time (seconds) as version.
   *
   * @return the nodes that confirmed; errors when the serialized value exceeds 170 bytes, when no
   *     node is known, or when no node confirmed
   */
  public final Mono<List<Node>> storeValue(byte[] key, byte[] value, boolean sign) {
    return lookups.storeValue(key, value, sign).subscribeOn(protocolScheduler());
  }

  /**
   * The nodes closest to {@code target}, found by a crawl (at most 24 find-requests), closest
   * first. Errors when no node is known or none answered.
   */
  public final Flux<Node> findNodes(byte[] target) {
    return lookups.findNodes(target).subscribeOn(protocolScheduler());
  }

  /**
   * The values stored under {@code key}, as they arrive during the crawl, deduplicated: one value
   * per signer (signed values carry their verified signer) and each unsigned value once. Values
   * that do not verify are skipped and counted. When done, the values are also cached on the
   * closest node that had none. Completes empty when the key holds nothing; errors when no node is
   * known or none answered.
   */
  public final Flux<DhtValue> findValues(byte[] key) {
    return lookups.findValues(key).subscribeOn(protocolScheduler());
  }

  /** Crawls for the nodes closest to {@code target}; closest first. */
  final Mono<List<TrackedNode>> crawlNodes(byte[] target) {
    return lookups.crawlNodes(target);
  }

  final Mono<FindResponsePayload> sendFind(
      TrackedNode node, byte[] target, boolean forceNodes, int offset) {
    return lookups.sendFind(node, target, forceNodes, offset);
  }

  final void holdToken(TrackedNode node, byte[] token) {
    heldTokens.put(new ByteKey(node.id()), new HeldToken(now(), token));
  }

  /** The routing tables that hold nodes. */
  final List<RoutingTable> routingTables() {
    return List.copyOf(tables.values());
  }

  /** The fresh token {@code node} last gave us, or null. */
  final byte[] heldToken(TrackedNode node) {
    HeldToken t = heldTokens.get(new ByteKey(node.id()));
    if (t == null || t.receivedAt() + DhtConstants.TOKEN_EXPIRATION_TIME.toMillis() <= now()) {
      return null;
    }
    return t.token();
  }

  // ------------------------------------------------------------------ find

  private void onFindRequest(Received<FindRequestPayload> r) {
    TrackedNode node = requestingNode(r, 5);
    if (node == null) {
      return;
    }
    FindRequestPayload p = r.payload();
    List<byte[]> values =
        p.forceNodes()
            ? List.of()
            : storage.get(p.target(), p.offset(), DhtConstants.MAX_VALUES_IN_FIND);
    List<WireNode> nodes = new ArrayList<>();
    if (p.forceNodes() || values.isEmpty()) {
      List<TrackedNode> closest =
          routingTable(r.source())
              .closestNodes(p.target(), DhtConstants.MAX_NODES_IN_FIND, node.id());
      closest.forEach(n -> nodes.add(new WireNode(n.address(), n.node().publicKeyRef())));
      if (!closest.isEmpty()) {
        sendPunctureRequest(closest.get(0).address(), p.lanAddress(), r.source(), p.identifier());
      }
    }
    sendMessage(
        r.source(),
        new FindResponsePayload(p.identifier(), tokens.generate(node.node()), values, nodes));
  }

  // ------------------------------------------------------------------ maintenance

  private void rotateTokenSecret() {
    byte[] secret = new byte[16];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) random().nextInt(256);
    }
    tokens.rotate(secret);
  }

  private void tokenMaintenance() {
    rotateTokenSecret();
    long now = now();
    heldTokens
        .values()
        .removeIf(t -> now > t.receivedAt() + DhtConstants.TOKEN_EXPIRATION_TIME.toMillis());
  }

  private void nodeMaintenance() {
    long now = now();
    Map<String, List<Bucket>> stale = new LinkedHashMap<>();
    for (RoutingTable t : tables.values()) {
      for (Bucket b : t.buckets()) {
        if (now - b.lastChanged() > DhtConstants.BUCKET_REFRESH_AGE.toMillis()) {
          stale.computeIfAbsent(b.prefix(), p -> new ArrayList<>()).add(b);
        }
      }
    }
    for (List<Bucket> buckets : stale.values()) {
      findValues(buckets.get(0).randomId(random())).subscribe(v -> {}, e -> {});
      buckets.forEach(b -> b.touch(now));
    }
  }

  @Override
  public void pingChurnStep(Duration pingInterval) {
    DhtChurn.step(this, pingInterval);
  }
}
