package org.jipv8.reactor.community;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.SendFailedException;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.PeerEvent;
import org.jipv8.reactor.community.PacketDispatcher.ContextBuilder;
import org.jipv8.reactor.community.PacketDispatcher.HandlerFailure;
import org.jipv8.reactor.community.PacketDispatcher.Invoker;
import org.jipv8.reactor.community.PacketDispatcher.PacketDecoder;
import org.jipv8.reactor.community.PacketDispatcher.Taps;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewPuncturePayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PuncturePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The base class of every community (py-ipv8's {@code Community}): the packet router of one
 * overlay, the introduction protocol (runtime.md section 4, wire-protocol.md section 6) and the
 * helpers a user community needs.
 *
 * <p>A user community is a few lines, as in py-ipv8:
 *
 * <pre>{@code
 * final class ChatCommunity extends Community {
 *   ChatCommunity(CommunitySettings settings) {
 *     super(CommunityId.fromHex("..."), settings);
 *     addHandler(Chat.class, this::onChat);                     // signed: (Peer, Chat)
 *     addUnsignedHandler(Ping.class, (source, ping) -> ...);      // unsigned: (Address, Ping)
 *     addReceivedHandler(Note.class, r -> r.globalTime());       // with context: Received<Note>
 *   }
 *   void onChat(Peer peer, Chat chat) { sendNow(peer, new Chat("re: " + chat.text())); }
 * }
 * }</pre>
 *
 * <p>Receive path: the community registers its prefix with the endpoint's {@link PrefixRouter}.
 * Each datagram is decoded and its signature verified on the verification scheduler, several at a
 * time, and then handled on the protocol scheduler in arrival order. Before anything else a
 * datagram refreshes the last-response time of the verified peer at its source address. Every
 * datagram that is not handled is counted in {@link #statistics()} by {@link DropReason} and
 * message id: too short, unknown or deprecated message id, decoding or signature failure, the peer
 * limit, a full inbox, and handler exceptions ({@link DropReason#HANDLER_ERROR}). Nothing stops the
 * stream.
 *
 * <p>Threading: state, handlers and timers live on the protocol scheduler of the settings. Methods
 * that change state ({@code send}, {@code walkTo}, ...) must be called there (strategy steps and
 * handlers already are); getters return snapshots and are safe anywhere.
 *
 * <p>Deliberate differences from py-ipv8 3.1 (runtime.md Appendix A): datagrams shorter than 23
 * bytes are dropped and counted (A10); the interface switch of a new-style response only happens
 * when the endpoint has an interface of the other family and never throws (A13); the preferred own
 * address only guesses missing families (A15).
 */
public abstract class Community implements NetworkOverlay, BootstrapperAware {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  /** Deprecated Dispersy message ids and their legacy names (runtime.md section 4.1). */
  public static final Map<Integer, String> DEPRECATED_MESSAGES =
      Map.ofEntries(
          Map.entry(255, "reserved-255"),
          Map.entry(254, "on-missing-sequence"),
          Map.entry(253, "missing-proof"),
          Map.entry(252, "signature-request"),
          Map.entry(251, "signature-response"),
          Map.entry(248, "on-identity"),
          Map.entry(247, "on-missing-identity"),
          Map.entry(244, "destroy-community"),
          Map.entry(243, "authorize"),
          Map.entry(242, "revoke"),
          Map.entry(241, "subjective-set"),
          Map.entry(240, "missing-subjective-set"),
          Map.entry(239, "on-missing-message"),
          Map.entry(238, "undo-own"),
          Map.entry(237, "undo-other"),
          Map.entry(236, "dynamic-settings"),
          Map.entry(235, "missing-last-message"));

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

  /**
   * How many messages a subscriber of {@link #messages} or {@link #peers()} may lag behind; more
   * are dropped for it and counted as {@link DropReason#SUBSCRIBER_OVERFLOW}.
   */
  public static final int SUBSCRIBER_BUFFER = 256;

  /** The largest UDP payload to an IPv4 destination. */
  public static final int MAX_IPV4_PAYLOAD = 65_507;

  /** The largest UDP payload to an IPv6 destination. */
  public static final int MAX_IPV6_PAYLOAD = 65_527;

  private static final ClassValue<Message> MESSAGES =
      new ClassValue<>() {
        @Override
        protected Message computeValue(Class<?> type) {
          return type.getAnnotation(Message.class);
        }
      };

  private final CommunityId communityId;
  private final byte[] prefix;
  private final CommunitySettings settings;
  private final Peer myPeer;
  private final Endpoint endpoint;
  private final Network network;
  private final Scheduler protocol;
  private final ProtocolThread thread;
  private final Scheduler verification;
  private final RandomGenerator random;
  private final int maxPeers;
  private final List<Bootstrapper> bootstrappers;
  private final PeriodicTasks tasks;
  private final CommunityStatistics statistics = new CommunityStatistics();
  private final PacketDispatcher dispatcher;
  private final Sinks.Many<Datagram> inbox;
  private final Set<Disposable> bootstrapTasks = ConcurrentHashMap.newKeySet();
  private final Disposable pipeline;
  private final Disposable routerRegistration;
  private final AtomicReferenceArray<Broadcast<Received<?>>> streams =
      new AtomicReferenceArray<>(256);
  private final Broadcast<PeerEvent> peerEvents;
  private final Set<Peer> members = new java.util.LinkedHashSet<>();
  private final Network.PeerObserver memberWatch;
  private final PendingRequests requests;
  private volatile List<String> lanAddresses = List.of();
  private volatile Address myEstimatedLan;
  private volatile Address myEstimatedWan;
  private volatile boolean unloaded;

  /**
   * Creates the community and starts listening for its prefix {@code 0x00 0x02 id}.
   *
   * <p>Order as in py-ipv8: the estimated WAN address starts as the current LAN estimate (normally
   * {@code 0.0.0.0:0} because the endpoint is not open yet); the LAN discovery task is started; the
   * community registers as the provider of its id and blacklists its own mid; the core handlers are
   * registered. Subclasses register their handlers in their own constructor.
   */
  protected Community(CommunityId communityId, CommunitySettings settings) {
    this.communityId = Objects.requireNonNull(communityId, "communityId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.prefix = communityId.prefix();
    this.myPeer = settings.myPeer();
    this.endpoint = settings.endpoint();
    this.network = settings.network();
    this.protocol = settings.protocolScheduler();
    this.thread = new ProtocolThread(protocol);
    this.verification = settings.verificationScheduler();
    this.random = settings.random();
    this.maxPeers = settings.maxPeers();
    this.bootstrappers = new ArrayList<>(settings.bootstrappers());
    this.tasks = new PeriodicTasks(getClass().getSimpleName(), protocol);
    this.myEstimatedWan = myEstimatedLan();
    this.myEstimatedLan = null;

    this.dispatcher =
        new PacketDispatcher(this::name, prefix, statistics, network, this::now, () -> unloaded);
    this.peerEvents =
        new Broadcast<>(
            thread,
            SUBSCRIBER_BUFFER,
            () -> statistics.countDrop(DropReason.SUBSCRIBER_OVERFLOW, CommunityStatistics.NO_ID));
    this.requests = new PendingRequests(thread, random, this::send);
    dispatcher.connect(contextBuilder(), taps());
    this.memberWatch = memberWatch();
    network.addPeerObserver(memberWatch);
    members.addAll(network.getPeersForService(communityId));
    network.registerServiceProvider(communityId, this);
    network.addBlacklistedMid(myPeer.mid());
    registerCoreHandlers();

    this.inbox =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<Datagram>get(INBOX_CAPACITY).get());
    this.pipeline =
        inbox
            .asFlux()
            .flatMapSequential(
                d -> Mono.fromCallable(() -> dispatcher.prepare(d)).subscribeOn(verification),
                DECODE_CONCURRENCY,
                DECODE_CONCURRENCY)
            .publishOn(protocol)
            .subscribe(
                p -> {
                  thread.enter();
                  dispatcher.process(p);
                },
                e -> log.error("{}: receive pipeline failed", name(), e));
    this.routerRegistration = settings.router().register(prefix, this::deliver);
    tasks.register(
        "discover_lan_addresses", Duration.ZERO, LAN_DISCOVERY_INTERVAL, this::refreshLan);
  }

  // ---------------------------------------------------------------- identity and accessors

  @Override
  public final CommunityId communityId() {
    return communityId;
  }

  /** The 22-byte prefix of every packet of this community (a copy). */
  public final byte[] prefix() {
    return prefix.clone();
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
    return endpoint;
  }

  /** The settings this community was created with. */
  public final CommunitySettings settings() {
    return settings;
  }

  /** The protocol scheduler on which all state lives. */
  public final Scheduler protocolScheduler() {
    return protocol;
  }

  @Override
  public final long now() {
    return protocol.now(TimeUnit.MILLISECONDS);
  }

  @Override
  public final RandomGenerator random() {
    return random;
  }

  @Override
  public final int maxPeers() {
    return maxPeers;
  }

  /** Counters of received, handled, sent and dropped datagrams. */
  public final CommunityStatistics statistics() {
    return statistics;
  }

  /** Adds a bootstrapper after construction (launchers do); it runs after the earlier ones. */
  @Override
  public final void addBootstrapper(Bootstrapper bootstrapper) {
    Objects.requireNonNull(bootstrapper, "bootstrapper");
    synchronized (bootstrappers) {
      bootstrappers.add(bootstrapper);
    }
  }

  /** The bootstrappers not yet unloaded (a snapshot). */
  public final List<Bootstrapper> bootstrappers() {
    synchronized (bootstrappers) {
      return List.copyOf(bootstrappers);
    }
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

  // ---------------------------------------------------------------- global time

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

  /**
   * A random peer of this community other than {@code exclude}; unless {@code newStyle}, only peers
   * whose preferred address is IPv4. Null when none qualifies.
   */
  public Peer getPeerForIntroduction(Peer exclude, boolean newStyle) {
    List<Peer> candidates = new ArrayList<>();
    for (Peer p : getPeers()) {
      if (p.equals(exclude)) {
        continue;
      }
      if (!newStyle && p.address().kind() != AddressKind.UDPV4) {
        continue;
      }
      candidates.add(p);
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  /**
   * Sends an introduction-request to {@code address} (new-style when the network marked the address
   * so). Callable from any thread: off the protocol thread it runs as a task of it.
   */
  @Override
  public void walkTo(Address address) {
    Objects.requireNonNull(address, "address");
    thread.execute(() -> sendIntroductionRequest(address, network.isNewStyle(address)));
  }

  /**
   * Sends an introduction-request to {@code peer}, new-style when the peer is marked so. Callable
   * from any thread.
   */
  public void sendIntroductionRequest(Peer peer) {
    Objects.requireNonNull(peer, "peer");
    thread.execute(() -> sendIntroductionRequest(peer.address(), peer.newStyleIntro()));
  }

  /** Asks for a new introduction (see {@link #walkTo}); callable from any thread. */
  @Override
  public void getNewIntroduction(Peer fromPeer) {
    thread.execute(() -> newIntroduction(fromPeer));
  }

  private void newIntroduction(Peer fromPeer) {
    if (fromPeer != null) {
      sendIntroductionRequest(fromPeer);
      return;
    }
    List<Peer> peers = getPeers();
    if (peers.isEmpty()) {
      bootstrap();
      return;
    }
    List<Bootstrapper> current = bootstrappers();
    boolean anyInitialized = current.stream().anyMatch(Bootstrapper::isInitialized);
    if (anyInitialized && random.nextDouble() < KEEP_ALIVE_CHANCE) {
      for (Bootstrapper b : current) {
        b.keepAlive(this);
      }
      return;
    }
    sendIntroductionRequest(peers.get(random.nextInt(peers.size())));
  }

  /**
   * Starts one task per bootstrapper: start its initialisation without waiting, ask it for
   * addresses (at most {@link #BOOTSTRAP_TIMEOUT}), walk to at most {@link #maxPeers()} of them
   * (all of them when the limit is 0 or negative, py quirk A14), then wait for the initialisation.
   * Every call starts new tasks; {@link #unload()} cancels pending ones. Callable from any thread.
   */
  @Override
  public void bootstrap() {
    thread.execute(this::bootstrapNow);
  }

  private void bootstrapNow() {
    for (Bootstrapper b : bootstrappers()) {
      Mono<Boolean> init =
          Mono.defer(() -> b.initialize(this))
              .onErrorResume(
                  e -> {
                    log.warn("{}: bootstrapper {} failed to initialise", name(), b, e);
                    return Mono.just(false);
                  })
              .cache();
      track(init.subscribe());
      Disposable task =
          Mono.defer(() -> b.getAddresses(this, BOOTSTRAP_TIMEOUT))
              .publishOn(protocol)
              .doOnNext(
                  addresses -> {
                    List<Address> chosen =
                        maxPeers > 0 && addresses.size() > maxPeers
                            ? addresses.subList(0, maxPeers)
                            : addresses;
                    chosen.forEach(this::walkTo);
                  })
              .then(init)
              .subscribe(ok -> {}, e -> log.warn("{}: bootstrap with {} failed", name(), b, e));
      track(task);
    }
  }

  private void track(Disposable d) {
    if (!d.isDisposed()) {
      bootstrapTasks.add(d);
    }
    bootstrapTasks.removeIf(Disposable::isDisposed);
  }

  // ---------------------------------------------------------------- own addresses

  /** This machine's LAN addresses as last discovered (a snapshot). */
  public final List<String> lanAddresses() {
    return lanAddresses;
  }

  /** Whether {@code host} is one of this machine's LAN addresses. */
  public final boolean addressIsLan(String host) {
    return lanAddresses.contains(host);
  }

  private void refreshLan() {
    Mono.fromCallable(() -> settings.lanAddresses().lanAddresses())
        .subscribeOn(verification)
        .subscribe(
            list -> lanAddresses = List.copyOf(list),
            e -> log.warn("{}: LAN address discovery failed", name(), e));
  }

  /**
   * Refreshes the LAN addresses now (the service calls this after the endpoint opened, so the first
   * walk knows them) and completes when done.
   */
  public Mono<Void> start() {
    return Mono.fromCallable(() -> settings.lanAddresses().lanAddresses())
        .subscribeOn(verification)
        .doOnNext(list -> lanAddresses = List.copyOf(list))
        .then();
  }

  private boolean ipv6Listener() {
    try {
      Address local = endpoint.localAddress();
      return local != null && local.isIpv6();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The LAN address estimate: while the endpoint is closed {@code 0.0.0.0:0} (or {@code ::1:0} for
   * an IPv6 endpoint); otherwise, once computed and then cached, the first LAN address of the
   * endpoint's family (else 127.0.0.1 or ::1) with the endpoint's port.
   */
  public final Address myEstimatedLan() {
    if (!endpoint.isOpen()) {
      return ipv6Listener() ? Address.ipv6("::1", 0) : Address.NULL;
    }
    Address cached = myEstimatedLan;
    if (cached == null) {
      boolean v6 = ipv6Listener();
      String host = v6 ? "::1" : "127.0.0.1";
      for (String a : lanAddresses) {
        if ((a.indexOf(':') >= 0) == v6) {
          host = a;
          break;
        }
      }
      int port = endpoint.localAddress().port();
      cached = v6 ? Address.ipv6(host, port) : Address.ipv4(host, port);
      myEstimatedLan = cached;
    }
    return cached;
  }

  /** Overrides the LAN estimate (tests; nodes with a known LAN address). */
  public final void setMyEstimatedLan(Address address) {
    this.myEstimatedLan = Objects.requireNonNull(address, "address");
  }

  /** The WAN address estimate, learnt from public IPv4 destinations of introduction-responses. */
  public final Address myEstimatedWan() {
    return myEstimatedWan;
  }

  /** Overrides the WAN estimate (tests). */
  public final void setMyEstimatedWan(Address address) {
    this.myEstimatedWan = Objects.requireNonNull(address, "address");
  }

  /**
   * The address families ({@code UDPV4}, {@code UDPV6}) this node has an interface for: by default
   * the family of the endpoint's bound address. A dual-stack node overrides this; the interface
   * switch of new-style responses only happens towards families listed here.
   */
  protected Set<AddressKind> interfaceFamilies() {
    try {
      Address local = endpoint.localAddress();
      return local == null ? Set.of() : Set.of(family(local));
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /**
   * Our own address of {@code family}: the own peer's slot of that family, else a guess (IPv4: the
   * first LAN IPv4 address or 127.0.0.1 with the endpoint's port; IPv6: the endpoint's bound IPv6
   * address). Null when no address of that family can be had.
   */
  protected Address ownAddressOf(AddressKind family) {
    Address slot = myPeer.addresses().get(family);
    if (slot != null) {
      return slot;
    }
    Address local;
    try {
      local = endpoint.localAddress();
    } catch (RuntimeException e) {
      return null;
    }
    if (local == null) {
      return null;
    }
    if (family == AddressKind.UDPV4) {
      String host = "127.0.0.1";
      for (String a : lanAddresses) {
        if (a.indexOf(':') < 0) {
          host = a;
          break;
        }
      }
      return Address.ipv4(host, local.port());
    }
    if (family == AddressKind.UDPV6 && local.isIpv6()) {
      return Address.ipv6(local.host(), local.port());
    }
    return null;
  }

  /**
   * The address put in {@code source_wan_address} of new-style messages (py-ipv8's {@code
   * my_preferred_address()}, with the 3.2 fix of quirk A15): for each interface family missing from
   * the own peer's slots, store a guess of it; then the own peer's preferred address.
   */
  protected Address myPreferredAddress() {
    for (AddressKind family : interfaceFamilies()) {
      if (myPeer.addresses().get(family) == null) {
        Address guess = ownAddressOf(family);
        if (guess != null && family(guess) == family) {
          myPeer.addAddress(guess);
        }
      }
    }
    return myPeer.address();
  }

  private static AddressKind family(Address a) {
    return a.isIpv6() ? AddressKind.UDPV6 : AddressKind.UDPV4;
  }

  // ---------------------------------------------------------------- handler registration

  /**
   * Registers the handler of a signed message type: it gets the verified signer and the payload.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}, is unsigned, or its id
   *     is outside 0..230
   * @throws IllegalStateException when the id already has a handler (handlers are never replaced)
   */
  protected final <T extends Record> void addHandler(Class<T> type, MessageHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    Message m = requireUserMessage(type);
    if (!m.signed()) {
      throw new IllegalArgumentException(
          type.getName()
              + " is unsigned (@Message(signed = false)): register it with addUnsignedHandler");
    }
    register(m.id(), type.getSimpleName(), typedDecoder(type), signedInvoker(handler), null);
  }

  /**
   * Registers the handler of a signed message type behind an opt-in {@link ReplayWindow} (a
   * deliberate addition to py-ipv8, which accepts a replayed signed datagram every time): a second
   * copy of a message, from any address, or one older than the window is dropped and counted as
   * {@link DropReason#REPLAYED} before the handler (and before the signer's address is updated).
   *
   * @throws IllegalArgumentException when the type is unsigned or declares no global time (the
   *     window is keyed by it), or its id is outside 0..230
   * @throws IllegalStateException when the id already has a handler
   */
  protected final <T extends Record> void addReplayProtectedHandler(
      Class<T> type, ReplayWindow window, MessageHandler<T> handler) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(handler, "handler");
    Message m = requireUserMessage(type);
    if (!m.signed() || !m.globalTime()) {
      throw new IllegalArgumentException(
          type.getName()
              + " must be signed and carry a global time for replay protection"
              + " (@Message(signed = true, globalTime = true))");
    }
    Invoker<T> signed = signedInvoker(handler);
    register(
        m.id(),
        type.getSimpleName(),
        typedDecoder(type),
        (source, d) -> {
          if (window.firstDelivery(d.signer(), d.globalTime())) {
            return signed.invoke(source, d);
          }
          dispatcher.dropAs(DropReason.REPLAYED, m.id());
          return null;
        },
        null);
  }

  /**
   * Registers the handler of an unsigned message type: it gets the UDP source and the payload.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}, is signed, or its id is
   *     outside 0..230
   * @throws IllegalStateException when the id already has a handler
   */
  protected final <T extends Record> void addUnsignedHandler(
      Class<T> type, UnsignedMessageHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    Message m = requireUserMessage(type);
    if (m.signed()) {
      throw new IllegalArgumentException(
          type.getName() + " is signed (@Message(signed = true)): register it with addHandler");
    }
    register(
        m.id(),
        type.getSimpleName(),
        typedDecoder(type),
        (source, d) -> {
          handler.handle(source, d.payload());
          return new Received<>(null, source, d.globalTime(), d.payload());
        },
        null);
  }

  /**
   * Registers a handler that gets the whole context ({@link Received}: signer or null, source,
   * global time, payload), for signed and unsigned types alike.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message} or its id is outside
   *     0..230
   * @throws IllegalStateException when the id already has a handler
   */
  protected final <T extends Record> void addReceivedHandler(
      Class<T> type, ReceivedHandler<T> handler) {
    Objects.requireNonNull(handler, "handler");
    Message m = requireUserMessage(type);
    register(m.id(), type.getSimpleName(), typedDecoder(type), receivedInvoker(handler), null);
  }

  private static Message requireUserMessage(Class<? extends Record> type) {
    Objects.requireNonNull(type, "type");
    Message m = MESSAGES.get(type);
    if (m == null) {
      throw new IllegalArgumentException(
          type.getName() + " is not a message: annotate the record with @Message(id = ...)");
    }
    if (m.id() < 0 || m.id() > 255) {
      throw new IllegalArgumentException(
          type.getName() + " has message id " + m.id() + ", outside 0..255");
    }
    if (m.id() > MAX_USER_MESSAGE_ID) {
      throw new IllegalArgumentException(
          type.getName()
              + " has message id "
              + m.id()
              + ", reserved by the base protocol (231..255); use an id in 0..230");
    }
    return m;
  }

  private <T extends Record> void register(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    dispatcher.register(id, name, decoder, invoker, gate);
  }

  /** Replaces a core handler; only for the engine's own communities (DiscoveryCommunity's 246). */
  final <T extends Record> void replaceCoreHandler(
      int id, String name, PacketDecoder<T> decoder, Invoker<T> invoker, BooleanSupplier gate) {
    dispatcher.replace(id, name, decoder, invoker, gate);
  }

  static <T extends Record> PacketDecoder<T> typedDecoder(Class<T> type) {
    return packet -> Packets.decode(packet, type);
  }

  private <T extends Record> Invoker<T> signedInvoker(MessageHandler<T> handler) {
    return (source, d) -> {
      Peer peer = resolvePeer(d.signer(), source);
      try {
        handler.handle(peer, d.payload());
      } catch (RuntimeException | AssertionError e) {
        throw new HandlerFailure(peer, e);
      }
      return new Received<>(peer, source, d.globalTime(), d.payload());
    };
  }

  private <T extends Record> Invoker<T> receivedInvoker(ReceivedHandler<T> handler) {
    return (source, d) -> {
      Peer peer = d.signer() == null ? null : resolvePeer(d.signer(), source);
      Received<T> r = new Received<>(peer, source, d.globalTime(), d.payload());
      try {
        handler.handle(r);
      } catch (RuntimeException | AssertionError e) {
        throw new HandlerFailure(peer, e);
      }
      return r;
    };
  }

  /**
   * The peer object for a verified signer: the stored verified peer (its address of the source's
   * kind updated, unless frozen), else a new peer at the source with last-response 0.
   */
  protected final Peer resolvePeer(PublicKey key, Address source) {
    Peer stored = network.getVerifiedByPublicKeyBin(key.toBin());
    if (stored != null) {
      stored.addAddress(source);
      return stored;
    }
    return new Peer(key, source, true, this::now);
  }

  private void registerCoreHandlers() {
    register(
        250,
        "PunctureRequestPayload",
        typedDecoder(PunctureRequestPayload.class),
        (source, d) -> {
          onPunctureRequest(
              d.payload().lanWalkerAddress(),
              d.payload().wanWalkerAddress(),
              d.payload().identifier(),
              false);
          return new Received<>(null, source, d.globalTime(), d.payload());
        },
        null);
    register(
        232,
        "NewPunctureRequestPayload",
        typedDecoder(NewPunctureRequestPayload.class),
        (source, d) -> {
          onPunctureRequest(
              d.payload().lanWalkerAddress(),
              d.payload().wanWalkerAddress(),
              d.payload().identifier(),
              true);
          return new Received<>(null, source, d.globalTime(), d.payload());
        },
        null);
    register(
        249,
        "PuncturePayload",
        typedDecoder(PuncturePayload.class),
        signedInvoker((peer, p) -> {}),
        null);
    register(
        231,
        "NewPuncturePayload",
        typedDecoder(NewPuncturePayload.class),
        signedInvoker((peer, p) -> {}),
        null);
    register(
        246,
        "IntroductionRequestPayload",
        typedDecoder(IntroductionRequestPayload.class),
        receivedInvoker(
            r -> {
              IntroductionRequestPayload p = r.payload();
              onIntroductionRequest(
                  r,
                  p.destinationAddress(),
                  p.sourceLanAddress(),
                  p.identifier(),
                  false,
                  p.supportsNewStyle());
            }),
        null);
    register(
        234,
        "NewIntroductionRequestPayload",
        typedDecoder(NewIntroductionRequestPayload.class),
        receivedInvoker(
            r -> {
              NewIntroductionRequestPayload p = r.payload();
              onIntroductionRequest(
                  r, p.destinationAddress(), p.sourceLanAddress(), p.identifier(), true, true);
            }),
        null);
    register(
        245,
        "IntroductionResponsePayload",
        typedDecoder(IntroductionResponsePayload.class),
        receivedInvoker(
            r -> {
              IntroductionResponsePayload p = r.payload();
              onIntroductionResponse(
                  r,
                  p.supportsNewStyle(),
                  p.destinationAddress(),
                  p.sourceWanAddress(),
                  p.lanIntroductionAddress(),
                  p.wanIntroductionAddress(),
                  p.identifier(),
                  p.introSupportsNewStyle());
            }),
        null);
    register(
        233,
        "NewIntroductionResponsePayload",
        typedDecoder(NewIntroductionResponsePayload.class),
        receivedInvoker(
            r -> {
              NewIntroductionResponsePayload p = r.payload();
              onIntroductionResponse(
                  r,
                  true,
                  p.destinationAddress(),
                  p.sourceWanAddress(),
                  p.lanIntroductionAddress(),
                  p.wanIntroductionAddress(),
                  p.identifier(),
                  p.introSupportsNewStyle());
            }),
        null);
  }

  // ---------------------------------------------------------------- receive path

  /** Queues a datagram of this community for decoding (the router calls this). */
  final void deliver(Datagram datagram) {
    Sinks.EmitResult result;
    synchronized (inbox) {
      result = inbox.tryEmitNext(datagram);
    }
    if (result.isFailure()) {
      int id = datagram.length() > 22 ? datagram.data()[22] & 0xff : CommunityStatistics.NO_ID;
      statistics.countDrop(
          result == Sinks.EmitResult.FAIL_OVERFLOW
              ? DropReason.QUEUE_FULL
              : DropReason.ENDPOINT_CLOSED,
          id);
      log.debug("{}: datagram from {} not queued: {}", name(), datagram.source(), result);
    }
  }

  /**
   * Counts the message being handled as dropped by the community's own rules (e.g. the peer limit)
   * instead of handled. Call from a handler, on the protocol thread.
   */
  protected final void dropByPolicy(int messageId) {
    dispatcher.dropByPolicy(messageId);
  }

  /** Whether a request must be refused: {@code 0 <= maxPeers < |peers|}. */
  protected final boolean overPeerLimit() {
    return maxPeers >= 0 && getPeers().size() > maxPeers;
  }

  // ---------------------------------------------------------------- sending

  /**
   * Sends {@code message} to {@code peer}'s preferred address, lazily: nothing happens until the
   * returned {@code Mono} is subscribed (ignoring it is a bug, flagged by {@link
   * CheckReturnValue}). Each subscription, on the protocol thread, claims a global time if the type
   * declares one, signs the message with this community's identity if the type is signed, and hands
   * the datagram to {@link Endpoint#write}; the {@code Mono} completes once the datagram was
   * written to the socket.
   *
   * <p>Errors: {@link SendFailedException} with the {@link SendFailedException#reason() reason}
   * when the datagram is refused: {@link DropReason#NO_ADDRESS_FAMILY} (the node has no interface
   * of the destination's family) and {@link DropReason#TOO_LARGE} (more than a UDP payload), both
   * detected before writing and counted in {@link #statistics()}, or what the endpoint reports
   * (queue full, loopback guard, endpoint closed, socket error). {@link IllegalArgumentException}
   * at once when the record has no {@code @Message}.
   *
   * <p>Threading: callable from any thread; completion is signalled on the endpoint's thread.
   * Nullness: arguments non-null; the {@code Mono} is empty-valued ({@code Void}).
   *
   * @see #sendNow(Peer, Record) the fire-and-forget form for handlers
   */
  @CheckReturnValue
  public final Mono<Void> send(Peer peer, Record message) {
    Objects.requireNonNull(peer, "peer");
    return send(peer.address(), message);
  }

  /** Sends {@code message} to {@code address} lazily; see {@link #send(Peer, Record)}. */
  @CheckReturnValue
  public final Mono<Void> send(Address address, Record message) {
    Objects.requireNonNull(address, "address");
    Message m = requireMessage(message);
    return thread
        .call(() -> encodeChecked(address, message, m))
        .flatMap(packet -> endpoint.write(address, packet));
  }

  private byte[] encodeChecked(Address address, Record message, Message m) {
    Set<AddressKind> families = interfaceFamilies();
    if (!families.isEmpty() && !families.contains(family(address))) {
      statistics.countDrop(DropReason.NO_ADDRESS_FAMILY, m.id());
      throw new SendFailedException(
          DropReason.NO_ADDRESS_FAMILY,
          "no interface of the family of " + address + " (the node has " + families + ")");
    }
    byte[] packet =
        Packets.encode(
            prefix, message, myPeer.privateKey(), m.globalTime() ? claimGlobalTime() : 0);
    int max = address.isIpv6() ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD;
    if (packet.length > max) {
      statistics.countDrop(DropReason.TOO_LARGE, m.id());
      throw new SendFailedException(
          DropReason.TOO_LARGE,
          message.getClass().getSimpleName()
              + " to "
              + address
              + " is "
              + packet.length
              + " bytes; a UDP payload holds at most "
              + max);
    }
    statistics.countSent(m.id(), packet.length);
    return packet;
  }

  /**
   * Sends {@code message} to {@code peer}'s preferred address now, fire-and-forget (py-ipv8's
   * {@code ez_send}): signed with this community's identity if the type is signed, with a freshly
   * claimed global time if the type declares one. A refusal is counted by the endpoint, not
   * reported; use {@link #send(Peer, Record)} to learn of it.
   *
   * <p>Threading: callable from any thread; off the protocol thread the send happens as a task of
   * it (so in order with other sends, but after this method returned).
   */
  public final void sendNow(Peer peer, Record message) {
    Objects.requireNonNull(peer, "peer");
    sendNow(peer.address(), message);
  }

  /** Sends {@code message} to {@code address} now; see {@link #sendNow(Peer, Record)}. */
  public final void sendNow(Address address, Record message) {
    Objects.requireNonNull(address, "address");
    Message m = requireMessage(message);
    thread.execute(() -> sendRaw(address, message, myPeer, m.globalTime() ? claimGlobalTime() : 0));
  }

  /**
   * Sends {@code message} now with the given global-time field, signed by this identity if signed
   * (protocol thread).
   */
  protected final void sendNow(Address address, Record message, long globalTime) {
    sendRaw(address, message, myPeer, globalTime);
  }

  /** Sends {@code message} signed by another local identity {@code signer} (protocol thread). */
  protected final void sendSignedBy(Address address, Record message, Peer signer, long globalTime) {
    sendRaw(address, message, signer, globalTime);
  }

  private void sendRaw(Address address, Record message, Peer signer, long globalTime) {
    Message m = requireMessage(message);
    byte[] packet = Packets.encode(prefix, message, signer.privateKey(), globalTime);
    statistics.countSent(m.id(), packet.length);
    endpoint.send(address, packet);
  }

  // ---------------------------------------------------------------- reactive receive side

  /**
   * Every message of {@code type} this community handles after the subscription, signed and
   * unsigned alike, as a hot {@code Flux} of {@link Received} (signer or null, source, global time,
   * payload). Subscribing makes the community accept the type's message id even without a handler
   * (no {@code addHandler} needed); a message with a handler is emitted after its handler ran to
   * completion without dropping it.
   *
   * <p>Threading: callable from any thread; signals are emitted on the protocol thread, in arrival
   * order. Backpressure: each subscriber has its own buffer of {@value #SUBSCRIBER_BUFFER}
   * messages; what a subscriber without demand cannot buffer is dropped for it alone and counted in
   * {@link #statistics()} as {@link DropReason#SUBSCRIBER_OVERFLOW} under the message id, so a slow
   * subscriber never slows the node or the other subscribers. Completes when the community unloads
   * (after the buffered messages); never errors. Any number of subscribers.
   *
   * @throws IllegalArgumentException when the type has no {@code @Message}, its id is outside
   *     0..255, or another type with that id is subscribed already
   */
  public final <T extends Record> Flux<Received<T>> messages(Class<T> type) {
    Message m = requireAnnotated(type);
    int id = m.id();
    Broadcast<Received<?>> stream = streams.get(id);
    if (stream == null) {
      streams.compareAndSet(
          id,
          null,
          new Broadcast<>(
              thread,
              SUBSCRIBER_BUFFER,
              () -> statistics.countDrop(DropReason.SUBSCRIBER_OVERFLOW, id)));
      stream = streams.get(id);
    }
    dispatcher.accept(id, type.getSimpleName(), typedDecoder(type));
    if (unloaded) {
      return Flux.empty();
    }
    return stream.flux(null).filter(r -> type.isInstance(r.payload())).map(r -> cast(r, type));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> Received<T> cast(Received<?> r, Class<T> type) {
    type.cast(r.payload());
    return (Received<T>) r;
  }

  /**
   * The peers of this community: first an {@link PeerEvent.Kind#ADDED ADDED} event for every
   * current peer, then {@code ADDED} and {@code REMOVED} events as peers come and go. A peer is a
   * peer of the community once it is verified and known to serve it (so a per-community filter is
   * never needed).
   *
   * <p>Threading: callable from any thread; signals are emitted on the protocol thread.
   * Backpressure: a buffer of {@value #SUBSCRIBER_BUFFER} events per subscriber; overflow is
   * dropped for that subscriber and counted as {@link DropReason#SUBSCRIBER_OVERFLOW} (message id
   * {@value CommunityStatistics#NO_ID}). Completes when the community unloads; never errors.
   */
  public final Flux<PeerEvent> peers() {
    if (unloaded) {
      return Flux.empty();
    }
    return peerEvents.flux(
        () -> members.stream().map(p -> new PeerEvent(PeerEvent.Kind.ADDED, p)).toList());
  }

  /**
   * Sends a request to {@code peer} and waits for its response (py-ipv8's request cache pattern as
   * one call). Lazy: each subscription, on the protocol thread, picks an identifier free among the
   * pending requests expecting {@code responseType}, builds the request with {@code
   * request.apply(identifier)}, sends it as {@link #send(Peer, Record)} does, and completes with
   * the first {@code responseType} from that peer whose {@link Correlated#identifier()} matches.
   * Subscribing makes the community accept the response's message id.
   *
   * <p>Errors: {@link java.util.concurrent.TimeoutException} when no response came within {@code
   * timeout}; {@link SendFailedException} when the request was refused; {@link
   * IllegalStateException} when the community unloads while waiting (or was unloaded). Cancelling
   * frees the identifier. A response that arrives when nobody waits for it any more (timed out,
   * cancelled) is dropped and counted as {@link DropReason#NO_PENDING_REQUEST}, one with the
   * identifier of a request to another peer as {@link DropReason#UNSOLICITED_RESPONSE} (unless a
   * handler or subscriber takes that type).
   *
   * <p>Threading: callable from any thread; signals are emitted on the protocol thread. Nullness:
   * arguments non-null; {@code request} must return a non-null message.
   *
   * @throws IllegalArgumentException at once when {@code responseType} has no {@code @Message} or
   *     {@code timeout} is not positive
   */
  @CheckReturnValue
  public final <R extends Record & Correlated> Mono<R> request(
      Peer peer, IntFunction<? extends Record> request, Class<R> responseType, Duration timeout) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request timeout must be positive, got " + timeout);
    }
    Message m = requireAnnotated(responseType);
    requests.expect(m.id(), responseType);
    dispatcher.accept(m.id(), responseType.getSimpleName(), typedDecoder(responseType));
    return requests.request(peer, request, responseType, timeout);
  }

  private static Message requireAnnotated(Class<? extends Record> type) {
    Objects.requireNonNull(type, "type");
    Message m = MESSAGES.get(type);
    if (m == null) {
      throw new IllegalArgumentException(
          type.getName() + " is not a message: annotate the record with @Message(id = ...)");
    }
    if (m.id() < 0 || m.id() > 255) {
      throw new IllegalArgumentException(
          type.getName() + " has message id " + m.id() + ", outside 0..255");
    }
    return m;
  }

  private ContextBuilder contextBuilder() {
    return new ContextBuilder() {
      @Override
      public <T extends Record> Received<T> build(Address source, Decoded<T> d) {
        Peer peer = d.signer() == null ? null : resolvePeer(d.signer(), source);
        return new Received<>(peer, source, d.globalTime(), d.payload());
      }
    };
  }

  private Taps taps() {
    return new Taps() {
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
    };
  }

  private Network.PeerObserver memberWatch() {
    return new Network.PeerObserver() {
      @Override
      public void onPeerAdded(Peer peer) {
        later(peer);
      }

      @Override
      public void onPeerRemoved(Peer peer) {
        later(peer);
      }

      @Override
      public void onServicesDiscovered(Peer peer, java.util.Collection<CommunityId> services) {
        if (services.contains(communityId)) {
          later(peer);
        }
      }

      private void later(Peer peer) {
        // Never emit while the network holds its lock: the check runs as a task of its own.
        try {
          protocol.schedule(
              () -> {
                thread.enter();
                recheckMember(peer);
              });
        } catch (java.util.concurrent.RejectedExecutionException e) {
          log.debug("{}: peer change of {} after the scheduler stopped", name(), peer);
        }
      }
    };
  }

  private void recheckMember(Peer peer) {
    if (unloaded) {
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

  private static Message requireMessage(Record message) {
    Objects.requireNonNull(message, "message");
    Message m = MESSAGES.get(message.getClass());
    if (m == null) {
      throw new IllegalArgumentException(
          message.getClass().getName() + " is not a message: annotate it with @Message(id = ...)");
    }
    return m;
  }

  // ---------------------------------------------------------------- introduction protocol

  /** Extra bytes of introduction-requests to {@code destination} (empty by default). */
  protected byte[] introductionRequestExtraBytes(Address destination) {
    return new byte[0];
  }

  /** Extra bytes of introduction-responses to {@code requester} (empty by default). */
  protected byte[] introductionResponseExtraBytes(Address requester) {
    return new byte[0];
  }

  /**
   * Sends an introduction-request to {@code destination}: new-style (234) when {@code newStyle} or
   * the destination is IPv6, else old-style (246, flags 0x01). Its global time and identifier are
   * both the claimed global time mod 65536.
   */
  public final void sendIntroductionRequest(Address destination, boolean newStyle) {
    Objects.requireNonNull(destination, "destination");
    thread.execute(() -> introductionRequest(destination, newStyle));
  }

  private void introductionRequest(Address destination, boolean newStyle) {
    int identifier = Unsigned.mod65536(claimGlobalTime());
    byte[] extra = introductionRequestExtraBytes(destination);
    Record payload;
    if (newStyle || destination.isIpv6()) {
      payload =
          new NewIntroductionRequestPayload(
              destination, myEstimatedLan(), myPreferredAddress(), identifier, Bits.NONE, extra);
    } else {
      payload =
          new IntroductionRequestPayload(
              destination,
              myEstimatedLan(),
              myEstimatedWan,
              new Bits(IntroductionRequestPayload.ADVICE),
              identifier,
              extra);
    }
    sendNow(destination, payload, identifier);
  }

  private void onIntroductionRequest(
      Received<? extends Record> r,
      Address destination,
      Address sourceLan,
      int identifier,
      boolean newStyleMessage,
      boolean supportsNewStyle) {
    Peer peer = r.peer();
    if (newStyleMessage || supportsNewStyle) {
      peer.setNewStyleIntro(true);
    }
    if (overPeerLimit()) {
      dropByPolicy(newStyleMessage ? 234 : 246);
      return;
    }
    if (sourceLan.kind() == AddressKind.UDPV4) {
      peer.addAddress(sourceLan.withKind(AddressKind.UDPV4_LAN));
    }
    network.addVerifiedPeer(peer);
    network.discoverServices(peer, List.of(communityId));
    Outgoing response =
        createIntroductionResponse(
            destination, peer.address(), identifier, null, peer.newStyleIntro());
    sendNow(peer.address(), response.payload(), response.globalTime());
    introductionRequestCallback(peer, r.globalTime(), r.payload());
  }

  /** A message ready to be sent with its global-time field. */
  protected record Outgoing(Record payload, long globalTime) {}

  /**
   * Builds an introduction-response (runtime.md section 4.5) and, when it introduces a peer C,
   * first sends C a puncture-request (unsigned; new-style if {@code newStyle} or either walker
   * address is not IPv4) whose LAN walker is {@code lan} (py quirk A12: the request's destination
   * address) and WAN walker is {@code requester}.
   *
   * @param lan the request's destination address
   * @param requester the requester's address
   * @param identifier the request's identifier
   * @param introduction the peer to introduce, or null for a random one
   * @param newStyle whether to build a 233 (else 245)
   */
  protected final Outgoing createIntroductionResponse(
      Address lan, Address requester, int identifier, Peer introduction, boolean newStyle) {
    long globalTime = Unsigned.mod65536(claimGlobalTime());
    Peer other = network.getVerifiedByAddress(requester);
    Peer intro = introduction != null ? introduction : getPeerForIntroduction(other, newStyle);
    Address introLan = Address.NULL;
    Address introWan = Address.NULL;
    if (intro != null) {
      Address ia = intro.address();
      if (ia.kind() == AddressKind.UDPV4 && addressIsLan(ia.host())) {
        introLan = ia;
        introWan = Address.ipv4(myEstimatedWan.host(), ia.port());
      } else {
        Address lanSlot = intro.lanAddress();
        introLan = lanSlot != null ? lanSlot.withKind(AddressKind.UDPV4) : Address.NULL;
        introWan = ia;
      }
    }
    boolean introNewStyle = intro != null && intro.newStyleIntro();
    byte[] extra = introductionResponseExtraBytes(requester);
    Record payload;
    if (newStyle) {
      payload =
          new NewIntroductionResponsePayload(
              requester,
              myEstimatedLan(),
              myPreferredAddress(),
              introLan,
              introWan,
              identifier,
              new Bits(introNewStyle ? NewIntroductionResponsePayload.INTRO_SUPPORTS_NEW_STYLE : 0),
              extra);
    } else {
      int flags = IntroductionResponsePayload.SUPPORTS_NEW_STYLE;
      if (introNewStyle) {
        flags |= IntroductionResponsePayload.INTRO_SUPPORTS_NEW_STYLE;
      }
      if (maxPeers >= 0 && maxPeers <= getPeers().size()) {
        flags |= IntroductionResponsePayload.PEER_LIMIT_REACHED;
      }
      payload =
          new IntroductionResponsePayload(
              requester,
              myEstimatedLan(),
              myEstimatedWan,
              introLan,
              introWan,
              new Bits(flags),
              identifier,
              extra);
    }
    if (intro != null) {
      boolean newStylePuncture =
          newStyle || lan.kind() != AddressKind.UDPV4 || requester.kind() != AddressKind.UDPV4;
      Record punctureRequest =
          newStylePuncture
              ? new NewPunctureRequestPayload(lan, requester, identifier)
              : new PunctureRequestPayload(lan, requester, identifier);
      sendNow(intro.address(), punctureRequest, claimGlobalTime());
    }
    return new Outgoing(payload, globalTime);
  }

  private void onIntroductionResponse(
      Received<? extends Record> r,
      boolean supportsNewStyle,
      Address destination,
      Address sourceWan,
      Address lanIntroduction,
      Address wanIntroduction,
      int identifier,
      boolean introSupportsNewStyle) {
    Peer peer = r.peer();
    if (supportsNewStyle) {
      peer.setNewStyleIntro(true);
    }
    if (destination.kind() == AddressKind.UDPV4 && !destination.isPrivateIpv4()) {
      myEstimatedWan = destination;
    }
    myPeer.addAddress(destination);
    if (peer.newStyleIntro()) {
      Address peerAddress = peer.address();
      AddressKind otherFamily = family(sourceWan);
      if (otherFamily != family(peerAddress)
          && !sourceWan.equals(peerAddress)
          && interfaceFamilies().contains(otherFamily)) {
        network.discoverAddress(peer, sourceWan, communityId, true);
        Address own = ownAddressOf(otherFamily);
        if (own != null) {
          sendNow(
              peerAddress,
              new NewPunctureRequestPayload(Address.NULL, own, identifier),
              claimGlobalTime());
        }
      }
    }
    network.addVerifiedPeer(peer);
    network.discoverServices(peer, List.of(communityId));
    String myWanIp = myEstimatedWan.host();
    if (!wanIntroduction.isNull() && !wanIntroduction.host().equals(myWanIp)) {
      if (!lanIntroduction.isNull()) {
        network.discoverAddress(peer, lanIntroduction, communityId, introSupportsNewStyle);
      }
      network.discoverAddress(peer, wanIntroduction, communityId, introSupportsNewStyle);
    } else if (!lanIntroduction.isNull() && wanIntroduction.host().equals(myWanIp)) {
      network.discoverAddress(peer, lanIntroduction, communityId, introSupportsNewStyle);
    } else if (!wanIntroduction.isNull()) {
      network.discoverAddress(peer, wanIntroduction, communityId, introSupportsNewStyle);
      network.discoverAddress(
          peer,
          Address.ipv4(myEstimatedLan().host(), wanIntroduction.port()),
          communityId,
          introSupportsNewStyle);
    }
    introductionResponseCallback(peer, r.globalTime(), r.payload());
  }

  private void onPunctureRequest(
      Address lanWalker, Address wanWalker, int identifier, boolean newStyle) {
    Address target = wanWalker;
    if (wanWalker.host().equals(myEstimatedWan.host())) {
      target = lanWalker;
    }
    Record puncture =
        newStyle
            ? new NewPuncturePayload(myEstimatedLan(), wanWalker, identifier)
            : new PuncturePayload(myEstimatedLan(), wanWalker, identifier);
    sendNow(target, puncture, claimGlobalTime());
  }

  /**
   * Called after an introduction-request was answered ({@code payload} is the 246 or 234 record).
   * Does nothing by default.
   */
  protected void introductionRequestCallback(Peer peer, long globalTime, Record payload) {}

  /**
   * Called after an introduction-response was processed ({@code payload} is the 245 or 233 record).
   * Does nothing by default; the DiscoveryCommunity sends a similarity-request.
   */
  protected void introductionResponseCallback(Peer peer, long globalTime, Record payload) {}

  // ---------------------------------------------------------------- unload

  /**
   * Called first by {@link #unload()}; owners of a {@link RequestCache} shut it down here. Does
   * nothing by default.
   */
  protected Mono<Void> onUnload() {
    return Mono.empty();
  }

  /**
   * Unloads the community, lazily when subscribed (once; later subscriptions complete at once):
   * {@link #onUnload()}, then the bootstrappers from last to first, then the prefix registration,
   * the receive pipeline, pending bootstrap tasks and every named task are cancelled, pending
   * {@link #request requests} error, and {@link #messages} and {@link #peers()} complete. Datagrams
   * still queued are not handled.
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
              .then(unloadBootstrappers())
              .then(
                  thread.call(
                      () -> {
                        routerRegistration.dispose();
                        pipeline.dispose();
                        bootstrapTasks.forEach(Disposable::dispose);
                        bootstrapTasks.clear();
                        tasks.shutdown();
                        network.removePeerObserver(memberWatch);
                        requests.shutdown();
                        peerEvents.complete();
                        for (int id = 0; id < streams.length(); id++) {
                          Broadcast<Received<?>> stream = streams.get(id);
                          if (stream != null) {
                            stream.complete();
                          }
                        }
                        return Boolean.TRUE;
                      }))
              .then();
        });
  }

  /** How many {@link #request requests} wait for their response (tests, diagnostics). */
  final int pendingRequests() {
    return requests.cache().size();
  }

  /** Whether {@link #unload()} ran. */
  public final boolean isUnloaded() {
    return unloaded;
  }

  private Mono<Void> unloadBootstrappers() {
    return Flux.defer(
            () -> {
              List<Bootstrapper> reversed;
              synchronized (bootstrappers) {
                reversed = new ArrayList<>(bootstrappers);
                bootstrappers.clear();
              }
              Collections.reverse(reversed);
              return Flux.fromIterable(reversed);
            })
        .concatMap(
            b ->
                Mono.defer(b::unload)
                    .onErrorResume(
                        e -> {
                          log.warn("{}: bootstrapper {} failed to unload", name(), b, e);
                          return Mono.empty();
                        }))
        .then();
  }
}
