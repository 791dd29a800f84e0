package org.jipv8.reactor.community;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.discovery.StrategyProvider;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The base class of every community (py-ipv8's {@code Community}): one overlay's messages, peers,
 * sends and requests as Reactor types, over the introduction protocol (runtime.md section 4).
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
 * <p>Receive path ({@code ReceivePipeline}): prefix router, {@code DecodeStage} (decode and verify
 * on the verification scheduler), {@code DispatchStage} (handlers, then subscribers, on the
 * protocol scheduler in arrival order). Every datagram not handled is counted in {@link
 * #statistics()} by {@link DropReason} and message id; nothing stops the stream. Lifecycle: the
 * constructor only wires; {@link #start()} starts; {@link #unload()} stops.
 *
 * <p>Threading: state lives on the protocol scheduler of the settings. Public methods that change
 * state ({@code send}, {@code walkTo}, ...) may be called from any thread and run there themselves;
 * getters return snapshots. Reactive contract: every {@code Mono} and {@code Flux} here is lazy or
 * hot as documented, signals arrive on the protocol thread (a send's completion on the endpoint's),
 * arguments are non-null, and nothing is sent or received for a subscriber that never subscribed.
 * Deliberate differences from py-ipv8: runtime.md Appendix A.
 */
public abstract non-sealed class Community extends CommunityCore implements StrategyProvider {
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

  /**
   * How many windows of consecutive datagrams of one community are decoded and verified at the same
   * time (each by one verification worker, in order).
   */
  public static final int DECODE_CONCURRENCY = 8;

  /** How far a subscriber of {@link #messages} or {@link #peers()} may lag; see there. */
  public static final int SUBSCRIBER_BUFFER = 256;

  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * Wires the community; no work starts before {@link #start()}. The WAN estimate starts as the LAN
   * estimate of now (as in py-ipv8); the community registers as the provider of its id, blacklists
   * its own mid and registers the core handlers. Subclasses add theirs after.
   */
  protected Community(CommunityId communityId, CommunitySettings settings) {
    super(communityId, settings);
  }

  /**
   * Starts the community, lazily and once: registers the prefix, starts the receive pipeline, the
   * peer stream and the periodic LAN discovery; completes when the LAN addresses are known.
   */
  public Mono<Void> start() {
    return Mono.defer(
        () ->
            started.compareAndSet(false, true)
                ? engine().start(settings().router(), LAN_DISCOVERY_INTERVAL)
                : Mono.empty());
  }

  /** The community's named tasks (cancelled on unload). */
  protected final PeriodicTasks tasks() {
    return engine().tasks;
  }

  /** A short name for logs. */
  protected String name() {
    return getClass().getSimpleName();
  }

  /**
   * The strategies this community offers by name (none by default); pinging and similarity
   * strategies are offered to every overlay with that capability without being listed here.
   */
  @Override
  public Map<String, StrategyFactory> availableStrategies() {
    return Map.of();
  }

  @Override
  public String toString() {
    return name() + "[" + communityId().hex() + "]";
  }

  /**
   * The families ({@code UDPV4}, {@code UDPV6}) this node has an interface for: every child of a
   * dual-stack endpoint, else the bound address's family. Sends to other families fail with {@link
   * DropReason#NO_ADDRESS_FAMILY}; new-style responses switch interface only towards these.
   */
  protected Set<AddressKind> interfaceFamilies() {
    return engine().own.interfaceFamilies();
  }

  /** Our own address of {@code family}: the own peer's slot, else a guess; null when none. */
  protected Address ownAddressOf(AddressKind family) {
    return engine().own.ownAddressOf(family);
  }

  /**
   * Registers the handler of a signed message type (gets the verified signer and the payload).
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}, is unsigned, or its id
   *     is outside 0..230
   * @throws IllegalStateException when the id already has a handler (handlers are never replaced)
   */
  protected final <T extends Record> void addHandler(Class<T> type, MessageHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, true);
    Invokers.register(engine().handlers, type, m, engine().invokers.signed(handler));
  }

  /**
   * As {@link #addHandler}, behind an opt-in {@link ReplayWindow} (py-ipv8 has none): a copy, or a
   * message older than the window, is dropped as {@link DropReason#REPLAYED} before the handler.
   *
   * @throws IllegalArgumentException also when the type declares no global time
   */
  protected final <T extends Record> void addReplayProtectedHandler(
      Class<T> type, ReplayWindow window, MessageHandler<T> handler) {
    Message m = Invokers.replayAnnotation(type);
    java.util.Objects.requireNonNull(window, "window").confineTo(engine().thread);
    Invoker<T> invoker =
        engine().invokers.replayProtected(window, handler, m.id(), engine().dispatch);
    Invokers.register(engine().handlers, type, m, invoker);
  }

  /** Registers the handler of an unsigned message type (gets the UDP source and the payload). */
  protected final <T extends Record> void addUnsignedHandler(
      Class<T> type, UnsignedMessageHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, false);
    Invokers.register(engine().handlers, type, m, engine().invokers.unsigned(handler));
  }

  /** Registers a handler of the whole {@link Received} context, signed or unsigned types. */
  protected final <T extends Record> void addReceivedHandler(
      Class<T> type, ReceivedHandler<T> handler) {
    Message m = Invokers.userAnnotation(type, null);
    Invokers.register(engine().handlers, type, m, engine().invokers.received(handler));
  }

  /** Replaces a core handler; only for the engine's own communities (DiscoveryCommunity's 246). */
  final <T extends Record> void replaceCoreHandler(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    engine().handlers.replace(id, name, decoder, invoker, gate);
  }

  /** The stored verified peer of {@code key} (address updated), else a new one at the source. */
  final Peer resolvePeer(PublicKey key, Address source) {
    return engine().invokers.resolvePeer(key, source);
  }

  /** Counts the message being handled as a policy drop; from a handler, protocol thread. */
  protected final void dropByPolicy(int messageId) {
    engine().dispatch.dropAs(DropReason.POLICY, messageId);
  }

  /** Counts the message being handled as dropped for {@code reason}; from a handler. */
  final void dropAs(DropReason reason, int messageId) {
    engine().dispatch.dropAs(reason, messageId);
  }

  /** Whether a request must be refused: {@code 0 <= maxPeers < |peers|}. */
  protected final boolean overPeerLimit() {
    return maxPeers() >= 0 && getPeers().size() > maxPeers();
  }

  /**
   * Sends {@code message} to {@code peer}'s preferred address, lazily: nothing happens until the
   * {@code Mono} is subscribed (so ignoring it is flagged: {@link CheckReturnValue}). Each
   * subscription claims a global time if the type has one, signs if it is signed, and completes
   * once {@link Endpoint#write} wrote the datagram. Errors: {@link SendFailedException} with the
   * reason ({@link DropReason#NO_ADDRESS_FAMILY} and {@link DropReason#TOO_LARGE} detected before
   * writing and counted, or the endpoint's: queue full, loopback guard, closed, socket error).
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
    return engine().outbox.send(Objects.requireNonNull(address, "address"), message);
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
    engine().thread.execute(() -> engine().outbox.sendNow(address, message));
  }

  /** Sends now with the given global-time field, signed if signed (protocol thread). */
  protected final void sendNow(Address address, Record message, long globalTime) {
    engine().outbox.sendNow(address, message, myPeer(), globalTime);
  }

  /** Sends now, signed by another local identity {@code signer} (protocol thread). */
  final void sendSignedBy(Address address, Record message, Peer signer, long globalTime) {
    engine().outbox.sendNow(address, message, signer, globalTime);
  }

  /**
   * Every message of {@code type} this community handles after the subscription, signed or not, as
   * a hot {@code Flux} of {@link Received}, in arrival order; calling it makes the type's id
   * accepted (no handler needed; with one, a message follows its handler). Backpressure: any number
   * of subscribers, each with a buffer of {@value #SUBSCRIBER_BUFFER}; what overflows is dropped
   * for that subscriber alone and counted as {@link DropReason#SUBSCRIBER_OVERFLOW} under the id.
   * Completes on unload; never errors.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}
   */
  public final <T extends Record> Flux<Received<T>> messages(Class<T> type) {
    Message m = Invokers.annotation(type);
    engine().handlers.accept(m.id(), type.getSimpleName(), Invokers.typedDecoder(type));
    return engine().subscribers.messages(m.id(), type);
  }

  /**
   * The peers of this community: {@link PeerEvent.Kind#ADDED ADDED} for every current peer, then
   * {@code ADDED} and {@code REMOVED} as peers come (verified and known to serve this community)
   * and go. Threading and backpressure as {@link #messages} (overflow counted under id {@value
   * CommunityStatistics#NO_ID}); completes on unload; never errors.
   */
  public final Flux<PeerEvent> peers() {
    return engine().subscribers.peers();
  }

  /**
   * Sends a request and waits for its response (py-ipv8's request cache as one call). Lazy: each
   * subscription picks an identifier free among the pending requests for {@code responseType},
   * sends {@code request.apply(identifier)} as {@link #send(Peer, Record)} does and completes with
   * the first {@code responseType} from that peer with that {@link Correlated#identifier()}.
   * Errors: {@link java.util.concurrent.TimeoutException}, {@link SendFailedException}, {@link
   * IllegalStateException} on unload. Cancelling frees the identifier; a late response is dropped
   * as {@link DropReason#NO_PENDING_REQUEST}, one from another peer as {@link
   * DropReason#UNSOLICITED_RESPONSE} (unless a handler or subscriber takes the type).
   *
   * @throws IllegalArgumentException when {@code responseType} has no {@code @Message} or {@code
   *     timeout} is not positive
   */
  @CheckReturnValue
  public final <R extends Record & Correlated> Mono<R> request(
      Peer peer, IntFunction<? extends Record> request, Class<R> responseType, Duration timeout) {
    Message m = engine().requests.expect(peer, request, responseType, timeout);
    engine()
        .handlers
        .accept(m.id(), responseType.getSimpleName(), Invokers.typedDecoder(responseType));
    return engine().requests.request(peer, request, responseType, timeout);
  }

  /** Extra bytes of introduction-requests to {@code destination} (empty by default). */
  protected byte[] introductionRequestExtraBytes(Address destination) {
    return new byte[0];
  }

  /** Extra bytes of introduction-responses to {@code requester} (empty by default). */
  protected byte[] introductionResponseExtraBytes(Address requester) {
    return new byte[0];
  }

  /** Builds an introduction-response; see {@code IntroductionProtocol}. */
  final Outgoing createIntroductionResponse(
      Address lan, Address requester, int identifier, Peer introduction, boolean newStyle) {
    return engine()
        .introductions
        .createIntroductionResponse(lan, requester, identifier, introduction, newStyle);
  }

  /** Called after an introduction-request (246 or 234) was answered; nothing by default. */
  protected void introductionRequestCallback(Peer peer, long globalTime, Record payload) {}

  /** Called after an introduction-response (245 or 233) was processed; nothing by default. */
  protected void introductionResponseCallback(Peer peer, long globalTime, Record payload) {}

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
          if (!markUnloaded()) {
            return Mono.empty();
          }
          return engine().unload(Mono.defer(this::onUnload));
        });
  }

  /** How many {@link #request requests} wait for their response (tests, diagnostics). */
  final int pendingRequests() {
    return engine().requests.cache().size();
  }
}
