package org.jipv8.reactor.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.reactor.community.CommunitySettings;
import reactor.core.publisher.Mono;

/**
 * An overlay registered in code, by type: how to create it, the strategies that walk for it, its
 * bootstrappers and what to call once the node runs. The code counterpart of one {@code overlays[]}
 * entry of a py-ipv8 configuration, without class or method names as strings.
 *
 * <pre>{@code
 * Ipv8.builder()
 *     .loopback()
 *     .overlay(OverlayDefinition.of(ClockCommunity.class, ClockCommunity::new)
 *         .walker(Walkers.randomWalk(10))
 *         .bootstrapper(tracker::bootstrapper)
 *         .onStart(ClockCommunity::startTalking))
 *     .startNow(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Immutable: every method returns a new definition. One definition may serve any number of
 * nodes; each node calls the factory, the walkers' strategy constructors and the bootstrapper
 * suppliers again, so nothing is shared between nodes.
 *
 * @param <O> the overlay type
 */
public final class OverlayDefinition<O extends Overlay> {
  private final Class<O> type;
  private final OverlayFactory<O> factory;
  private final List<Walker<? super O>> walkers;
  private final List<Supplier<? extends Bootstrapper>> bootstrappers;
  private final List<Function<? super O, ? extends Mono<?>>> onStart;
  private final Map<String, Object> initialize;
  private final String key;

  private OverlayDefinition(
      Class<O> type,
      OverlayFactory<O> factory,
      List<Walker<? super O>> walkers,
      List<Supplier<? extends Bootstrapper>> bootstrappers,
      List<Function<? super O, ? extends Mono<?>>> onStart,
      Map<String, Object> initialize,
      String key) {
    this.type = type;
    this.factory = factory;
    this.walkers = List.copyOf(walkers);
    this.bootstrappers = List.copyOf(bootstrappers);
    this.onStart = List.copyOf(onStart);
    this.initialize = Collections.unmodifiableMap(new LinkedHashMap<>(initialize));
    this.key = key;
  }

  /**
   * A definition of an overlay of {@code type} made by {@code factory}, without walkers,
   * bootstrappers or start calls, using the node's first key.
   */
  public static <O extends Overlay> OverlayDefinition<O> of(
      Class<O> type, OverlayFactory<O> factory) {
    return new OverlayDefinition<>(
        Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(factory, "factory"),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        null);
  }

  /** Adds a discovery strategy, e.g. {@code Walkers.randomWalk(20)}. */
  public OverlayDefinition<O> walker(Walker<? super O> walker) {
    Objects.requireNonNull(walker, "walker");
    List<Walker<? super O>> next = new ArrayList<>(walkers);
    next.add(walker);
    return new OverlayDefinition<>(type, factory, next, bootstrappers, onStart, initialize, key);
  }

  /**
   * Adds a bootstrapper; the supplier is called once per node (a bootstrapper keeps state), e.g.
   * {@code tracker::bootstrapper} of a {@link LocalTracker}.
   */
  public OverlayDefinition<O> bootstrapper(Supplier<? extends Bootstrapper> bootstrapper) {
    Objects.requireNonNull(bootstrapper, "bootstrapper");
    List<Supplier<? extends Bootstrapper>> next = new ArrayList<>(bootstrappers);
    next.add(bootstrapper);
    return new OverlayDefinition<>(type, factory, walkers, next, onStart, initialize, key);
  }

  /**
   * Calls {@code action} on the protocol thread once the node's endpoint is open, before the
   * strategy loop starts (py-ipv8's {@code on_start}). An exception fails the node's start.
   */
  public OverlayDefinition<O> onStart(Consumer<? super O> action) {
    Objects.requireNonNull(action, "action");
    return onStartAsync(o -> Mono.fromRunnable(() -> action.accept(o)));
  }

  /**
   * Like {@link #onStart(Consumer)}, for an action that completes later: the node's start waits for
   * the returned {@code Mono} (subscribed on the protocol thread); an error fails the start.
   */
  public OverlayDefinition<O> onStartAsync(Function<? super O, ? extends Mono<?>> action) {
    Objects.requireNonNull(action, "action");
    List<Function<? super O, ? extends Mono<?>>> next = new ArrayList<>(onStart);
    next.add(action);
    return new OverlayDefinition<>(type, factory, walkers, bootstrappers, next, initialize, key);
  }

  /**
   * The overlay's settings as a configuration's {@code initialize} map ({@code max_peers}, and
   * whatever the overlay reads from {@code settings().extra()}); replaces earlier values.
   */
  public OverlayDefinition<O> initialize(Map<String, ?> settings) {
    return new OverlayDefinition<>(
        type, factory, walkers, bootstrappers, onStart, new LinkedHashMap<>(settings), key);
  }

  /** Uses the configured key of this alias instead of the node's first key. */
  public OverlayDefinition<O> key(String alias) {
    return new OverlayDefinition<>(
        type,
        factory,
        walkers,
        bootstrappers,
        onStart,
        initialize,
        Objects.requireNonNull(alias, "alias"));
  }

  /** The overlay type. */
  public Class<O> type() {
    return type;
  }

  /** The factory. */
  public OverlayFactory<O> factory() {
    return factory;
  }

  /** The key alias, or null for the node's first key. */
  public String keyAlias() {
    return key;
  }

  /** The {@code initialize} settings. */
  public Map<String, Object> initializeSettings() {
    return initialize;
  }

  /** The number of walkers. */
  public int walkerCount() {
    return walkers.size();
  }

  /** A fresh bootstrapper from each supplier, in order. */
  List<Bootstrapper> newBootstrappers() {
    List<Bootstrapper> out = new ArrayList<>();
    for (Supplier<? extends Bootstrapper> s : bootstrappers) {
      out.add(Objects.requireNonNull(s.get(), "a bootstrapper supplier returned null"));
    }
    return out;
  }

  /** Creates the overlay, its strategies and its start actions for one node. */
  Instance instantiate(CommunitySettings settings) {
    O overlay =
        Objects.requireNonNull(factory.create(settings), "the overlay factory returned null");
    List<Walking> strategies = new ArrayList<>();
    for (Walker<? super O> w : walkers) {
      DiscoveryStrategy s = w.strategy().apply(overlay);
      strategies.add(new Walking(Objects.requireNonNull(s, "strategy"), w.targetPeers()));
    }
    List<StartAction> actions = new ArrayList<>();
    for (Function<? super O, ? extends Mono<?>> a : onStart) {
      actions.add(() -> Mono.defer(() -> a.apply(overlay)).then());
    }
    return new Instance(overlay, strategies, actions);
  }

  /** A strategy and its target, ready for the strategy loop. */
  record Walking(DiscoveryStrategy strategy, int targetPeers) {}

  /** What one node made of this definition. */
  record Instance(Overlay overlay, List<Walking> strategies, List<StartAction> onStart) {}

  @Override
  public String toString() {
    return "OverlayDefinition[" + type.getSimpleName() + ", " + walkers.size() + " walker(s)]";
  }
}
