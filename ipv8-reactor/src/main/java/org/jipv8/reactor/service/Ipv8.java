package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.ThreadConfinement;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One IPv8 node (py-ipv8's {@code IPv8} service): an endpoint, one shared {@link Network}, the
 * identities, the overlays and the strategy loop, built from an {@link Ipv8Configuration} and the
 * overlays registered in code.
 *
 * <pre>{@code
 * Ipv8 node = Ipv8.builder()
 *     .loopback()
 *     .overlay(OverlayDefinition.of(MyCommunity.class, MyCommunity::new)
 *         .walker(Walkers.randomWalk(20)))
 *     .startNow(Duration.ofSeconds(5));
 * MyCommunity mine = node.getOverlay(MyCommunity.class);
 * node.stopNow(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Lifecycle: {@link Ipv8Builder#build()} creates everything without touching the network; {@link
 * #start()} opens the endpoint, runs the start actions, then starts the strategy loop; {@link
 * #stop()} stops the loop, unloads every overlay and closes the endpoint (releasing the socket), in
 * that order, then ends the threads the node created. A start that fails stops the node. A stopped
 * instance cannot be started again: build a new one (it may bind the same port).
 *
 * <p>Threading: all overlay logic runs on {@link #protocolScheduler()}; the public methods are safe
 * from any thread. The threads a node creates are daemon threads.
 */
public final class Ipv8 {
  private static final Logger log = LoggerFactory.getLogger(Ipv8.class);

  private enum State {
    BUILT,
    STARTING,
    RUNNING,
    STOPPED
  }

  private final Ipv8Configuration configuration;
  private final Endpoint endpoint;
  private final Network network;
  private final Map<String, Peer> keys;
  private final List<Overlay> overlays = new CopyOnWriteArrayList<>();
  private final List<StartAction> onStart;
  private final StrategyScheduler strategies;
  private final Schedulers schedulers;
  private final AtomicReference<State> state = new AtomicReference<>(State.BUILT);
  private final List<Supplier<Disposable>> onStarted = new CopyOnWriteArrayList<>();
  private final List<Disposable> stopHooks = new CopyOnWriteArrayList<>();

  Ipv8(
      Ipv8Configuration configuration,
      Endpoint endpoint,
      Network network,
      Map<String, Peer> keys,
      List<Overlay> overlays,
      List<StartAction> onStart,
      StrategyScheduler strategies,
      Schedulers schedulers) {
    this.configuration = configuration;
    this.endpoint = endpoint;
    this.network = network;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.overlays.addAll(overlays);
    this.onStart = List.copyOf(onStart);
    this.strategies = strategies;
    this.schedulers = schedulers;
  }

  /** A builder; see {@link Ipv8Builder}. */
  public static Ipv8Builder builder() {
    return new Ipv8Builder();
  }

  /**
   * Opens the endpoint, starts the overlays, runs the start actions ({@code on_start} entries and
   * {@link OverlayDefinition#onStart} callbacks) and starts the strategy loop; lazy, as Reactor
   * expects. Emits this node once running. Errors with the endpoint's error when the port cannot be
   * bound, or with the exception of a start action; in both cases, and when the subscription is
   * cancelled before it completes, the node is stopped, so its socket and threads are released
   * (py-ipv8 leaves the endpoint open). Errors with {@link IllegalStateException} when subscribed a
   * second time.
   */
  public Mono<Ipv8> start() {
    return Mono.defer(
        () -> {
          if (!state.compareAndSet(State.BUILT, State.STARTING)) {
            return Mono.error(
                new IllegalStateException(
                    "this node was already started; build a new Ipv8 to start again"));
          }
          return confineNetwork()
              .then(endpoint.open())
              .then(
                  Flux.fromIterable(overlays)
                      .filter(Community.class::isInstance)
                      .concatMap(o -> ((Community) o).start())
                      .then())
              .then(
                  Flux.fromIterable(onStart)
                      .concatMap(call -> call.invoke().subscribeOn(schedulers.protocol()))
                      .then())
              .then(
                  Mono.fromRunnable(
                      () -> {
                        onStarted.forEach(hook -> stopHooks.add(hook.get()));
                        strategies.start();
                        state.set(State.RUNNING);
                        log.info(
                            "IPv8 node on {} running {} overlay(s)",
                            endpoint.localAddress(),
                            overlays.size());
                      }))
              .thenReturn(this)
              .onErrorResume(e -> stop().onErrorResume(s -> Mono.empty()).then(Mono.error(e)))
              .doOnCancel(() -> stop().subscribe(null, e -> log.debug("stop failed", e)));
        });
  }

  /**
   * From a started node's first protocol task on, the network belongs to the protocol thread: its
   * mutators assert they run there, and other threads read its published view. Only for the node's
   * own protocol scheduler, which is one known thread; a scheduler the caller supplied (virtual
   * time, for instance) may run its tasks on any thread.
   */
  private Mono<Void> confineNetwork() {
    if (!schedulers.ownsProtocol()) {
      return Mono.empty();
    }
    return Mono.<Void>fromRunnable(
            () -> network.confineTo(ThreadConfinement.toThread(Thread.currentThread())))
        .subscribeOn(schedulers.protocol());
  }

  /**
   * {@link #start()} and wait at most {@code timeout}; rethrows the start's error (a checked one
   * wrapped), and on a timeout stops the node and throws {@link IllegalStateException}.
   */
  public Ipv8 startNow(Duration timeout) {
    return Objects.requireNonNull(start().block(timeout), "start");
  }

  /**
   * Stops the strategy loop, unloads all overlays (together) and closes the endpoint. Completes
   * when the socket is released. Idempotent.
   */
  public Mono<Void> stop() {
    return Mono.defer(
        () -> {
          if (state.getAndSet(State.STOPPED) == State.STOPPED) {
            return Mono.empty();
          }
          strategies.stop();
          stopHooks.forEach(Disposable::dispose);
          // Shutting executors down takes their locks: never on a Netty event loop or another
          // non-blocking thread, where it moves to bounded-elastic; elsewhere (a caller's thread,
          // a virtual clock in tests) it runs in place, so the outcome stays deterministic.
          Mono<Void> release =
              Mono.defer(
                  () ->
                      reactor.core.scheduler.Schedulers.isInNonBlockingThread()
                          ? Mono.<Void>fromRunnable(schedulers::dispose)
                              .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                          : Mono.<Void>fromRunnable(schedulers::dispose));
          List<Overlay> all = List.copyOf(overlays);
          overlays.clear();
          return Flux.fromIterable(all)
              .flatMap(o -> o.unload().onErrorResume(e -> logUnloadError(o, e)))
              .then(endpoint.close())
              // Released before the completion is signalled, so a caller of stopNow sees it done.
              .then(release)
              .onErrorResume(e -> release.then(Mono.error(e)))
              .doOnCancel(schedulers::dispose);
        });
  }

  /** {@link #stop()} and wait at most {@code timeout}. */
  public void stopNow(Duration timeout) {
    stop().block(timeout);
  }

  private static Mono<Void> logUnloadError(Overlay o, Throwable e) {
    log.warn("unloading {} failed", o.getClass().getSimpleName(), e);
    return Mono.empty();
  }

  /** The first overlay that is an instance of {@code type}, or null. */
  public <O> O getOverlay(Class<O> type) {
    for (Overlay o : overlays) {
      if (type.isInstance(o)) {
        return type.cast(o);
      }
    }
    return null;
  }

  /** All overlays that are instances of {@code type}, in order. */
  public <O> List<O> getOverlays(Class<O> type) {
    List<O> out = new ArrayList<>();
    for (Overlay o : overlays) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  /** All overlays, in order. */
  public List<Overlay> overlays() {
    return List.copyOf(overlays);
  }

  /**
   * Registers a strategy on the running loop (py-ipv8's {@code add_strategy}): it takes steps while
   * {@code overlay} has fewer than {@code targetPeers} peers ({@code -1}: always), from the next
   * round on. The overlay is added to this node's overlays if it is new.
   */
  public void addStrategy(Overlay overlay, DiscoveryStrategy strategy, int targetPeers) {
    Objects.requireNonNull(overlay, "overlay");
    Objects.requireNonNull(strategy, "strategy");
    if (overlays.stream().noneMatch(o -> o == overlay)) {
      overlays.add(overlay);
    }
    strategies.add(strategy, targetPeers);
  }

  /** Runs {@code hook} when the node has started; what it returns is disposed on stop. */
  void onStarted(Supplier<Disposable> hook) {
    onStarted.add(hook);
  }

  void addOverlay(Overlay overlay) {
    if (overlays.stream().noneMatch(o -> o == overlay)) {
      overlays.add(overlay);
    }
  }

  /** Removes an overlay and its strategies, then unloads it (when the Mono is subscribed). */
  public Mono<Void> unloadOverlay(Overlay overlay) {
    return Mono.defer(
        () -> {
          overlays.removeIf(o -> o == overlay);
          strategies.removeAll(overlay);
          return overlay.unload();
        });
  }

  /** The endpoint shared by all overlays. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The peer bookkeeping shared by all overlays. */
  public Network network() {
    return network;
  }

  /** Identities by alias. */
  public Map<String, Peer> keys() {
    return keys;
  }

  /** The strategy loop. */
  public StrategyScheduler strategyScheduler() {
    return strategies;
  }

  /** The single thread on which overlay logic runs. */
  public Scheduler protocolScheduler() {
    return schedulers.protocol();
  }

  /**
   * Runs {@code task} on the protocol thread, where overlay state may be touched (state your own
   * community keeps; the library's public methods such as {@code walkTo} and {@code send} go to
   * that thread by themselves). Completes when it ran.
   */
  public Mono<Void> onProtocolThread(Runnable task) {
    return Mono.fromRunnable(task).subscribeOn(schedulers.protocol()).then();
  }

  /** The configuration this node was built from. */
  public Ipv8Configuration configuration() {
    return configuration;
  }

  /** Whether {@link #start()} completed and {@link #stop()} was not called. */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }
}
