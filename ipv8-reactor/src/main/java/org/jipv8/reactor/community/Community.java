package org.jipv8.reactor.community;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.SendFailedException;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.PeerEvent;
import org.jipv8.reactor.community.HandlerTable.Invoker;
import org.jipv8.reactor.community.HandlerTable.PacketDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The base class of every community (py-ipv8's {@code Community}): one overlay's messages, peers,
 * sends and requests, as Reactor types, over the introduction protocol (runtime.md section 4).
 *
 * <pre>{@code
 * final class ChatCommunity extends Community {
 *   ChatCommunity(CommunitySettings settings) {
 *     super(CommunityId.fromHex("..."), settings);
 *     addHandler(Chat.class, (peer, chat) -> sendNow(peer, new Chat("re: " + chat.text())));
 *   }
 * }
 * chat.messages(Chat.class).subscribe(r -> ...);        // a hot Flux<Received<Chat>>
 * chat.request(peer, id -> new Ask(id), Answer.class, Duration.ofSeconds(5)).subscribe(...);
 * }</pre>
 *
 * <p>Receive path ({@link ReceivePipeline}): prefix router, then {@link DecodeStage} (decode and
 * verify on the verification scheduler), then {@link DispatchStage} (handlers and subscribers on
 * the protocol scheduler, in arrival order). Every datagram not handled is counted in {@link
 * #statistics()} by {@link DropReason} and message id; nothing stops the stream.
 *
 * <p>Lifecycle: the constructor only wires; {@link #start()} registers the prefix, starts the
 * receive pipeline and the LAN discovery; {@link #unload()} stops everything.
 *
 * <p>Threading: state lives on the protocol scheduler of the settings. Public methods that change
 * state ({@code send}, {@code walkTo}, ...) may be called from any thread and run there themselves;
 * getters return snapshots. Deliberate differences from py-ipv8 3.1: runtime.md Appendix A (A10,
 * A13, A15).
 */
public abstract class Community implements NetworkOverlay, BootstrapperAware {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  /** Deprecated Dispersy message ids and their legacy names (runtime.md section 4.1). */
  public static final Map<Integer, String> DEPRECATED_MESSAGES = DeprecatedMessages.NAMES;

  /** The highest message id a user community may register. */
  public static final int MAX_USER_MESSAGE_ID = 230;

  /** How often the machine's LAN addresses are refreshed. */
  public static final Duration LAN_DISCOVERY_INTERVAL = Duration.ofSeconds(10);

  /** How long {@link #bootstrap()} lets a bootstrapper look for addresses. */
  public static final Duration BOOTSTRAP_TIMEOUT = Duration.ofSeconds(60);

  /** Probability that {@link #getNewIntroduction} keeps bootstrappers alive instead of walking. */
  public static final double KEEP_ALIVE_CHANCE = 0.05;

  /** Datagrams waiting for decoding, per community; more are dropped as {@code QUEUE_FULL}. */
  public static final int INBOX_CAPACITY = 4096;

  /** How many datagrams of one community are decoded and verified at the same time. */
  public static final int DECODE_CONCURRENCY = 8;

  /** How far a subscriber of {@link #messages} or {@link #peers()} may lag; see there. */
  public static final int SUBSCRIBER_BUFFER = 256;

  private final CommunityId communityId;
  private final CommunitySettings settings;
  private final Peer myPeer;
  private final Network network;
  private final ProtocolThread thread;
  private final PeriodicTasks tasks;
  private final CommunityStatistics statistics = new CommunityStatistics();
  private final HandlerTable handlers;
  private final Invokers invokers;
  private final DispatchStage dispatch;
  private final ReceivePipeline pipeline;
  private final OwnAddresses own;
  private final IntroductionProtocol introductions;
  private final BootstrapCoordinator bootstrapping;
  private final Outbox outbox;
  private final PendingRequests requests;
  private final Subscribers subscribers;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean unloaded;

  /**
   * Wires the community (no work starts before {@link #start()}): the estimated WAN address starts
   * as the current LAN estimate (as in py-ipv8); the community registers as the provider of its id,
   * blacklists its own mid and registers the core handlers. Subclasses register their handlers in
   * their own constructor.
   */
  protected Community(CommunityId communityId, CommunitySettings settings) {
    this.communityId = Objects.requireNonNull(communityId, "communityId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.myPeer = settings.myPeer();
    this.network = settings.network();
    this.thread = new ProtocolThread(settings.protocolScheduler());
    this.tasks = new PeriodicTasks(getClass().getSimpleName(), thread.scheduler());
    Endpoint endpoint = settings.endpoint();
    this.own =
        new OwnAddresses(
            endpoint,
            myPeer,
            settings.lanAddresses(),
            settings.verificationScheduler(),
            this::name);
    this.handlers = new HandlerTable(name());
    this.invokers = new Invokers(network, this::now);
    this.outbox =
        new Outbox(
            communityId.prefix(), myPeer, endpoint, statistics, thread, this::interfaceFamilies);
    this.requests = new PendingRequests(thread, settings.random(), this::send);
    this.subscribers = new Subscribers(communityId, network, statistics, thread, requests, name());
    this.dispatch =
        new DispatchStage(name(), statistics, network, this::now, () -> unloaded, subscribers);
    DecodeStage decode = new DecodeStage(communityId.prefix(), handlers, invokers, subscribers);
    this.pipeline =
        new ReceivePipeline(
            name(),
            communityId.prefix(),
            statistics,
            decode,
            dispatch,
            thread,
            settings.verificationScheduler());
    this.introductions = new IntroductionProtocol(this, own, handlers, invokers);
    this.bootstrapping = new BootstrapCoordinator(this, settings.bootstrappers());
    network.registerServiceProvider(communityId, this);
    network.addBlacklistedMid(myPeer.mid());
    introductions.registerCoreHandlers();
  }

  /**
   * Starts the community, lazily when subscribed (once; later subscriptions complete at once):
   * registers its prefix with the router and starts the receive pipeline, follows the network's
   * peers for {@link #peers()}, starts the periodic LAN discovery and completes when the LAN
   * addresses are known (the service calls this after the endpoint opened, so the first walk knows
   * them).
   */
  public Mono<Void> start() {
    return Mono.defer(
        () -> {
          if (!started.compareAndSet(false, true)) {
            return Mono.empty();
          }
          pipeline.start(settings.router());
          subscribers.open();
          tasks.register(
              "discover_lan_addresses",
              LAN_DISCOVERY_INTERVAL,
              LAN_DISCOVERY_INTERVAL,
              own::refreshLan);
          return own.refreshNow();
        });
  }

  // ---------------------------------------------------------------- accessors

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
    return thread.scheduler();
  }

  @Override
  public final long now() {
    return thread.scheduler().now(TimeUnit.MILLISECONDS);
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
    return statistics;
  }

  /** Adds a bootstrapper after construction (launchers do); it runs after the earlier ones. */
  @Override
  public final void addBootstrapper(Bootstrapper bootstrapper) {
    bootstrapping.add(bootstrapper);
  }

  /** The bootstrappers not yet unloaded (a snapshot). */
  public final List<Bootstrapper> bootstrappers() {
    return bootstrapping.snapshot();
  }

  /** The community's named tasks (cancelled on unload). */
  protected final PeriodicTasks tasks() {
    return tasks;
  }

  /** A short name for logs. */
  protected String name() {
    return getClass().getSimpleName();
  }

  @Override
  public Map<String, StrategyFactory> availableStrategies() {
    return Map.of();
  }

  @Override
  public String toString() {
    return name() + "[" + communityId.hex() + "]";
  }

  /** Raises this identity's Lamport clock by one and returns it (shared with same-key peers). */
  public final long claimGlobalTime() {
    return myPeer.claimGlobalTime();
  }

  /** The current global time of this identity. */
  public final long globalTime() {
    return myPeer.lamportTimestamp();
  }

  // ---------------------------------------------------------------- peers and walking

  @Override
  public List<Peer> getPeers() {
    return network.getPeersForService(communityId);
  }

  @Override
  public List<Address> getWalkableAddresses() {
    return network.getWalkableAddresses(communityId, false);
  }

  /** Appends {@code address} to the network's blacklist (bootstrap servers). */
  public final void ensureBlacklisted(Address address) {
    network.addToBlacklist(address);
  }

  /** A random peer other than {@code exclude}, IPv4 only unless {@code newStyle}; or null. */
  public Peer getPeerForIntroduction(Peer exclude, boolean newStyle) {
    return introductions.getPeerForIntroduction(exclude, newStyle);
  }

  /** Sends an introduction-request to {@code address}; callable from any thread. */
  @Override
  public void walkTo(Address address) {
    Objects.requireNonNull(address, "address");
    sendIntroductionRequest(address, network.isNewStyle(address));
  }

  /** Sends an introduction-request to {@code peer} (new-style if marked so); any thread. */
  public void sendIntroductionRequest(Peer peer) {
    Objects.requireNonNull(peer, "peer");
    sendIntroductionRequest(peer.address(), peer.newStyleIntro());
  }

  /**
   * Sends an introduction-request: new-style (234) when {@code newStyle} or to IPv6, else 246; its
   * global time and identifier are the claimed global time mod 65536. Callable from any thread.
   */
  public final void sendIntroductionRequest(Address destination, boolean newStyle) {
    Objects.requireNonNull(destination, "destination");
    thread.execute(() -> introductions.sendIntroductionRequest(destination, newStyle));
  }

  /** Walks on: to {@code fromPeer}, else bootstrap, keep-alive or a random peer; any thread. */
  @Override
  public void getNewIntroduction(Peer fromPeer) {
    thread.execute(() -> bootstrapping.newIntroduction(fromPeer));
  }

  /**
   * Per bootstrapper: initialise it, ask it for addresses (at most {@link #BOOTSTRAP_TIMEOUT}),
   * walk to at most {@link #maxPeers()} of them (all when the limit is not positive, A14). Callable
   * from any thread; {@link #unload()} cancels pending tasks.
   */
  @Override
  public void bootstrap() {
    thread.execute(bootstrapping::bootstrap);
  }

  // ---------------------------------------------------------------- own addresses

  /** This machine's LAN addresses as last discovered (a snapshot). */
  public final List<String> lanAddresses() {
    return own.lanAddresses();
  }

  /** Whether {@code host} is one of this machine's LAN addresses. */
  public final boolean addressIsLan(String host) {
    return own.addressIsLan(host);
  }

  /**
   * The LAN estimate: {@code 0.0.0.0:0} (or {@code ::1:0}) while the endpoint is closed, else the
   * first LAN address of the endpoint's family (else 127.0.0.1 or ::1) with its port, cached.
   */
  public final Address myEstimatedLan() {
    return own.myEstimatedLan();
  }

  /** Overrides the LAN estimate (tests; nodes with a known LAN address). */
  public final void setMyEstimatedLan(Address address) {
    own.setMyEstimatedLan(address);
  }

  /** The WAN estimate, learnt from public IPv4 destinations of introduction-responses. */
  public final Address myEstimatedWan() {
    return own.myEstimatedWan();
  }

  /** Overrides the WAN estimate (tests). */
  public final void setMyEstimatedWan(Address address) {
    own.setMyEstimatedWan(address);
  }

  /**
   * The families ({@code UDPV4}, {@code UDPV6}) this node has an interface for: every child of a
   * dual-stack endpoint, else the bound address's family. Sends to other families fail with {@link
   * DropReason#NO_ADDRESS_FAMILY}; new-style responses switch interface only towards these.
   */
  protected Set<AddressKind> interfaceFamilies() {
    return own.interfaceFamilies();
  }

  /**
   * Our own address of {@code family}: the own peer's slot, else a guess from the LAN addresses and
   * the interface of that family; null when there is none.
   */
  protected Address ownAddressOf(AddressKind family) {
    return own.ownAddressOf(family);
  }

  // ---------------------------------------------------------------- handlers (py-style)

  /**
   * Registers the handler of a signed message type (gets the verified signer and the payload).
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}, is unsigned, or its id
   *     is outside 0..230
   * @throws IllegalStateException when the id already has a handler (handlers are never replaced)
   */
  protected final <T extends Record> void addHandler(Class<T> type, MessageHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, true);
    Invokers.register(handlers, type, m, invokers.signed(handler));
  }

  /**
   * As {@link #addHandler}, behind an opt-in {@link ReplayWindow} (py-ipv8 has none): a second copy
   * or one older than the window is dropped as {@link DropReason#REPLAYED} before the handler.
   *
   * @throws IllegalArgumentException also when the type declares no global time
   */
  protected final <T extends Record> void addReplayProtectedHandler(
      Class<T> type, ReplayWindow window, MessageHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, true);
    if (!m.globalTime()) {
      throw new IllegalArgumentException(
          type.getName()
              + " must be signed and carry a global time for replay protection"
              + " (@Message(signed = true, globalTime = true))");
    }
    Invokers.register(
        handlers, type, m, invokers.replayProtected(window, handler, m.id(), dispatch));
  }

  /** Registers the handler of an unsigned message type (gets the UDP source and the payload). */
  protected final <T extends Record> void addUnsignedHandler(
      Class<T> type, UnsignedMessageHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, false);
    Invokers.register(handlers, type, m, invokers.unsigned(handler));
  }

  /** Registers a handler of the whole {@link Received} context, signed or unsigned types. */
  protected final <T extends Record> void addReceivedHandler(
      Class<T> type, ReceivedHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, null);
    Invokers.register(handlers, type, m, invokers.received(handler));
  }

  /** Replaces a core handler; only for the engine's own communities (DiscoveryCommunity's 246). */
  final <T extends Record> void replaceCoreHandler(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    handlers.replace(id, name, decoder, invoker, gate);
  }

  /** The stored verified peer of {@code key} (address updated), else a new one at the source. */
  final Peer resolvePeer(PublicKey key, Address source) {
    return invokers.resolvePeer(key, source);
  }

  /** Counts the message being handled as a policy drop; from a handler, protocol thread. */
  protected final void dropByPolicy(int messageId) {
    dispatch.dropAs(DropReason.POLICY, messageId);
  }

  /** Counts the message being handled as dropped for {@code reason}; from a handler. */
  final void dropAs(DropReason reason, int messageId) {
    dispatch.dropAs(reason, messageId);
  }

  /** Whether a request must be refused: {@code 0 <= maxPeers < |peers|}. */
  protected final boolean overPeerLimit() {
    return maxPeers() >= 0 && getPeers().size() > maxPeers();
  }

  // ---------------------------------------------------------------- sending

  /**
   * Sends {@code message} to {@code peer}'s preferred address, lazily: nothing happens until the
   * {@code Mono} is subscribed (ignoring it is a bug, hence {@link CheckReturnValue}). Each
   * subscription, on the protocol thread, claims a global time if the type has one, signs if it is
   * signed, and hands the datagram to {@link Endpoint#write}; it completes once written.
   *
   * <p>Errors: {@link SendFailedException} with its reason: {@link DropReason#NO_ADDRESS_FAMILY}
   * and {@link DropReason#TOO_LARGE} (detected before writing, counted in {@link #statistics()}),
   * or the endpoint's (queue full, loopback guard, endpoint closed, socket error). Threading: any
   * thread; completion is signalled on the endpoint's thread. Nullness: arguments non-null.
   *
   * @throws IllegalArgumentException at once when the record has no {@code @Message}
   * @see #sendNow(Peer, Record) the fire-and-forget form for handlers
   */
  @CheckReturnValue
  public final Mono<Void> send(Peer peer, Record message) {
    return send(Objects.requireNonNull(peer, "peer").address(), message);
  }

  /** Sends {@code message} to {@code address} lazily; see {@link #send(Peer, Record)}. */
  @CheckReturnValue
  public final Mono<Void> send(Address address, Record message) {
    return outbox.send(Objects.requireNonNull(address, "address"), message);
  }

  /**
   * Sends {@code message} to {@code peer} now, fire-and-forget (py-ipv8's {@code ez_send}); a
   * refusal is only counted by the endpoint. Any thread: off the protocol thread it runs as a task.
   */
  public final void sendNow(Peer peer, Record message) {
    sendNow(Objects.requireNonNull(peer, "peer").address(), message);
  }

  /** Sends {@code message} to {@code address} now; see {@link #sendNow(Peer, Record)}. */
  public final void sendNow(Address address, Record message) {
    Objects.requireNonNull(address, "address");
    Invokers.annotation(Objects.requireNonNull(message, "message").getClass());
    thread.execute(() -> outbox.sendNow(address, message));
  }

  /** Sends now with the given global-time field, signed if signed (protocol thread). */
  protected final void sendNow(Address address, Record message, long globalTime) {
    outbox.sendNow(address, message, myPeer, globalTime);
  }

  /** Sends now, signed by another local identity {@code signer} (protocol thread). */
  final void sendSignedBy(Address address, Record message, Peer signer, long globalTime) {
    outbox.sendNow(address, message, signer, globalTime);
  }

  // ---------------------------------------------------------------- reactive receive side

  /**
   * Every message of {@code type} this community handles after the subscription, signed or not, as
   * a hot {@code Flux} of {@link Received}. Subscribing makes the community accept the type's id
   * (no {@code addHandler} needed); a message with a handler is emitted after the handler ran
   * without dropping it. Any number of subscribers.
   *
   * <p>Threading: any thread; signals on the protocol thread, in arrival order. Backpressure: a
   * buffer of {@value #SUBSCRIBER_BUFFER} per subscriber; what a subscriber without demand cannot
   * buffer is dropped for it alone and counted as {@link DropReason#SUBSCRIBER_OVERFLOW} under the
   * message id. Completes on unload (after the buffered messages); never errors.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message} or its id is outside
   *     0..255
   */
  public final <T extends Record> Flux<Received<T>> messages(Class<T> type) {
    Message m = Invokers.annotation(type);
    handlers.accept(m.id(), type.getSimpleName(), Invokers.typedDecoder(type));
    return subscribers.messages(m.id(), type);
  }

  /**
   * The peers of this community: an {@link PeerEvent.Kind#ADDED ADDED} event for every current
   * peer, then {@code ADDED} and {@code REMOVED} as peers come (verified and known to serve this
   * community) and go. Threading and backpressure as {@link #messages} (overflow counted under id
   * {@value CommunityStatistics#NO_ID}); completes on unload.
   */
  public final Flux<PeerEvent> peers() {
    return subscribers.peers();
  }

  /**
   * Sends a request and waits for its response (py-ipv8's request cache as one call). Lazy: each
   * subscription, on the protocol thread, picks an identifier free among the pending requests
   * expecting {@code responseType}, sends {@code request.apply(identifier)} as {@link #send(Peer,
   * Record)} does, and completes with the first {@code responseType} from that peer with that
   * {@link Correlated#identifier()}. Subscribing makes the community accept the response's id.
   *
   * <p>Errors: {@link java.util.concurrent.TimeoutException} after {@code timeout}; {@link
   * SendFailedException} when the request was refused; {@link IllegalStateException} on unload.
   * Cancelling frees the identifier. A response nobody waits for any more is dropped as {@link
   * DropReason#NO_PENDING_REQUEST}, one from another peer as {@link
   * DropReason#UNSOLICITED_RESPONSE} (unless a handler or subscriber takes the type). Threading:
   * any thread; signals on the protocol thread. Nullness: arguments and built messages non-null.
   *
   * @throws IllegalArgumentException at once when {@code responseType} has no {@code @Message} or
   *     {@code timeout} is not positive
   */
  @CheckReturnValue
  public final <R extends Record & Correlated> Mono<R> request(
      Peer peer, IntFunction<? extends Record> request, Class<R> responseType, Duration timeout) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(request, "request");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request timeout must be positive, got " + timeout);
    }
    Message m = Invokers.annotation(responseType);
    requests.expect(m.id(), responseType);
    handlers.accept(m.id(), responseType.getSimpleName(), Invokers.typedDecoder(responseType));
    return requests.request(peer, request, responseType, timeout);
  }

  // ---------------------------------------------------------------- introduction hooks

  /** Extra bytes of introduction-requests to {@code destination} (empty by default). */
  protected byte[] introductionRequestExtraBytes(Address destination) {
    return new byte[0];
  }

  /** Extra bytes of introduction-responses to {@code requester} (empty by default). */
  protected byte[] introductionResponseExtraBytes(Address requester) {
    return new byte[0];
  }

  /** Builds an introduction-response; see {@link IntroductionProtocol}. */
  final Outgoing createIntroductionResponse(
      Address lan, Address requester, int identifier, Peer introduction, boolean newStyle) {
    return introductions.createIntroductionResponse(
        lan, requester, identifier, introduction, newStyle);
  }

  /** Called after an introduction-request (246 or 234) was answered; nothing by default. */
  protected void introductionRequestCallback(Peer peer, long globalTime, Record payload) {}

  /** Called after an introduction-response (245 or 233) was processed; nothing by default. */
  protected void introductionResponseCallback(Peer peer, long globalTime, Record payload) {}

  // ---------------------------------------------------------------- unload

  /** Called first by {@link #unload()} (e.g. to shut a {@link RequestCache} down). */
  protected Mono<Void> onUnload() {
    return Mono.empty();
  }

  /**
   * Unloads lazily when subscribed (once): {@link #onUnload()}, the bootstrappers last to first,
   * then the prefix, the receive pipeline and every task stop, pending {@link #request requests}
   * error, and {@link #messages} and {@link #peers()} complete. Queued datagrams are not handled.
   */
  @Override
  public Mono<Void> unload() {
    return Mono.defer(
        () -> {
          if (unloaded) {
            return Mono.empty();
          }
          unloaded = true;
          return onUnload()
              .onErrorResume(
                  e -> {
                    log.warn("{}: unload hook failed", name(), e);
                    return Mono.empty();
                  })
              .then(bootstrapping.unload())
              .then(thread.call(this::stopAll))
              .then();
        });
  }

  private Boolean stopAll() {
    pipeline.stop();
    bootstrapping.cancelTasks();
    tasks.shutdown();
    requests.shutdown();
    subscribers.close();
    return Boolean.TRUE;
  }

  /** How many {@link #request requests} wait for their response (tests, diagnostics). */
  final int pendingRequests() {
    return requests.cache().size();
  }

  /** Whether {@link #unload()} ran. */
  public final boolean isUnloaded() {
    return unloaded;
  }
}
