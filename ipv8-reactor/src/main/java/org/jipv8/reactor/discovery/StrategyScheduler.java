package org.jipv8.reactor.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.endpoint.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The strategy loop (py-ipv8's {@code IPv8.on_tick}, runtime.md section 1.3), reactive and with
 * backpressure towards the socket.
 *
 * <p>Every {@code walkerInterval} (the first time at once) a tick starts a round. A round takes a
 * snapshot of the registrations and, in registration order, for each {@code (strategy,
 * targetPeers)} still registered: if {@code targetPeers == -1} or {@code strategy.getPeerCount() <
 * targetPeers}, calls {@code takeStep()} on the protocol scheduler, then waits for the flush source
 * (normally {@link Endpoint#flush()}) to complete before the next strategy, so that the datagrams
 * of one step have reached the socket before the next step queues more. Between strategies (not
 * after the last) it applies py-ipv8's smoothing: {@code smooth = floor(walkerInterval / N)} whole
 * seconds minus the time the step took, slept only when above 10 ms (so never at the default 0.5
 * s).
 *
 * <p>Promises:
 *
 * <ul>
 *   <li>Rounds never overlap. A tick that arrives while a round runs is dropped and counted, never
 *       buffered and never an overflow error.
 *   <li>An exception from {@code getPeerCount()} or {@code takeStep()} is logged with the
 *       strategy's class and counted; the round goes on with the next strategy and later rounds run
 *       as usual. A failing flush is logged and counted too.
 *   <li>Strategies may be added and removed at any time; a round sees those registered when it
 *       started, minus those removed since.
 *   <li>While the endpoint is closed (ready check false) a tick does nothing but count; the loop
 *       waits for the next tick instead of spinning (py quirk A3 fixed).
 *   <li>After {@link #stop()} no step starts.
 * </ul>
 *
 * <p>Deviation from py-ipv8: ticks are fixed-rate ({@code Flux.interval}), with late ticks dropped,
 * where py sleeps {@code walkerInterval} after each round (fixed delay). With short rounds the two
 * are the same; a round longer than the interval starts the next at the next tick after it ends.
 *
 * <p>Threading: all methods are safe from any thread, and none takes a lock: the registrations are
 * an immutable list swapped atomically (copy on write), the running loop an atomic reference. Steps
 * and smoothing delays run on the injected scheduler, which should be the node's single protocol
 * thread (or a {@code VirtualTimeScheduler} in tests), so strategies need no lock of their own.
 */
public final class StrategyScheduler {
  private static final Logger log = LoggerFactory.getLogger(StrategyScheduler.class);

  /** py-ipv8's default walker interval. */
  public static final Duration DEFAULT_WALKER_INTERVAL = Duration.ofMillis(500);

  /** Smoothing delays at or below this are skipped, as in py-ipv8. */
  public static final Duration MIN_SMOOTHING_SLEEP = Duration.ofMillis(10);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /**
   * One registered strategy.
   *
   * @param strategy the strategy
   * @param targetPeers step only while it has fewer peers than this; {@code -1}: always; 0 or other
   *     negative values: never
   */
  public record Registration(DiscoveryStrategy strategy, int targetPeers) {
    public Registration {
      Objects.requireNonNull(strategy, "strategy");
    }
  }

  private final Supplier<? extends Mono<Void>> flush;
  private final BooleanSupplier ready;
  private final Scheduler scheduler;
  private final Duration walkerInterval;
  // Registrations are compared by identity: the same strategy may be registered twice.
  private final AtomicReference<List<Registration>> registrations =
      new AtomicReference<>(List.of());

  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong roundsSkippedClosed = new AtomicLong();
  private final AtomicLong stepsTaken = new AtomicLong();
  private final AtomicLong stepsSkippedAtTarget = new AtomicLong();
  private final AtomicLong ticksDropped = new AtomicLong();
  private final AtomicLong stepErrors = new AtomicLong();
  private final AtomicLong flushErrors = new AtomicLong();

  /** One start of the loop; its subscription is set once made (or disposed if stopped first). */
  private static final class Run {
    final Disposable.Swap loop = Disposables.swap();
  }

  private final AtomicReference<Run> currentRun = new AtomicReference<>();

  /**
   * A loop over {@code endpoint} every 500 ms: flushes it between steps, idles while it is closed.
   */
  public StrategyScheduler(Endpoint endpoint, Scheduler scheduler) {
    this(endpoint, scheduler, DEFAULT_WALKER_INTERVAL);
  }

  /** A loop over {@code endpoint}: flushes it between steps, idles while it is closed. */
  public StrategyScheduler(Endpoint endpoint, Scheduler scheduler, Duration walkerInterval) {
    this(endpoint::flush, endpoint::isOpen, scheduler, walkerInterval);
  }

  /** A loop that waits for {@code flush} between steps and always runs its rounds. */
  public StrategyScheduler(
      Supplier<? extends Mono<Void>> flush, Scheduler scheduler, Duration walkerInterval) {
    this(flush, () -> true, scheduler, walkerInterval);
  }

  /**
   * A loop.
   *
   * @param flush called after each step; the next step waits for the returned Mono
   * @param ready checked at each tick; a round runs only when it answers true
   * @param scheduler the protocol scheduler: ticks, steps and smoothing delays run on it
   * @param walkerInterval time between ticks; must be positive
   * @throws IllegalArgumentException when {@code walkerInterval} is not positive
   */
  public StrategyScheduler(
      Supplier<? extends Mono<Void>> flush,
      BooleanSupplier ready,
      Scheduler scheduler,
      Duration walkerInterval) {
    this.flush = Objects.requireNonNull(flush, "flush");
    this.ready = Objects.requireNonNull(ready, "ready");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(walkerInterval, "walkerInterval");
    if (walkerInterval.isNegative() || walkerInterval.isZero()) {
      throw new IllegalArgumentException(
          "walker_interval must be positive (py-ipv8's default is 0.5 s), was " + walkerInterval);
    }
    this.walkerInterval = walkerInterval;
  }

  // ----------------------------------------------------------------------------------------------
  // Registrations

  /**
   * Registers a strategy; it takes part from the next round. A strategy registered twice is stepped
   * twice per round.
   *
   * @return the registration, for {@link #remove(Registration)}
   */
  public Registration add(DiscoveryStrategy strategy, int targetPeers) {
    Registration r = new Registration(strategy, targetPeers);
    registrations.updateAndGet(
        old -> {
          List<Registration> next = new ArrayList<>(old);
          next.add(r);
          return List.copyOf(next);
        });
    return r;
  }

  /** Removes the matching registrations atomically; returns how many were removed. */
  private int removeMatching(Predicate<Registration> match) {
    while (true) {
      List<Registration> old = registrations.get();
      List<Registration> next = old.stream().filter(match.negate()).toList();
      if (next.size() == old.size()) {
        return 0;
      }
      if (registrations.compareAndSet(old, next)) {
        return old.size() - next.size();
      }
    }
  }

  /**
   * Removes every registration of {@code strategy} (by identity).
   *
   * @return whether anything was removed
   */
  public boolean remove(DiscoveryStrategy strategy) {
    return removeMatching(r -> r.strategy() == strategy) > 0;
  }

  /** Removes one registration (by identity); returns whether it was registered. */
  public boolean remove(Registration registration) {
    return removeMatching(r -> r == registration) > 0;
  }

  /**
   * Removes every strategy whose {@link DiscoveryStrategy#overlay()} is {@code overlay} (by
   * identity), as py-ipv8 does when unloading an overlay.
   *
   * @return how many registrations were removed
   */
  public int removeAll(Overlay overlay) {
    return removeMatching(r -> r.strategy().overlay() == overlay);
  }

  /** The registrations in order (a snapshot). */
  public List<Registration> registrations() {
    return registrations.get();
  }

  /** The time between ticks. */
  public Duration walkerInterval() {
    return walkerInterval;
  }

  // ----------------------------------------------------------------------------------------------
  // Running

  /**
   * Starts ticking; the first round starts at once (on the scheduler).
   *
   * @return a handle whose {@code dispose()} is {@link #stop()}
   * @throws IllegalStateException when already running
   */
  public Disposable start() {
    Run run = new Run();
    // Set before subscribing, so that a round running inline (virtual time) sees the loop running.
    if (!currentRun.compareAndSet(null, run)) {
      throw new IllegalStateException("the strategy scheduler is already running");
    }
    Disposable d =
        Flux.interval(Duration.ZERO, walkerInterval, scheduler)
            .onBackpressureDrop(tick -> ticksDropped.incrementAndGet())
            // Prefetch 0: the next tick is requested only once the round completed, so a tick that
            // arrives during a round meets no demand and is dropped above.
            .concatMap(tick -> round(run), 0)
            .subscribe(null, e -> log.error("the strategy loop stopped on an unexpected error", e));
    // Disposes d at once when a stop came first (even from inside the first round).
    run.loop.update(d);
    return new Disposable() {
      @Override
      public void dispose() {
        stop(run);
      }

      @Override
      public boolean isDisposed() {
        return currentRun.get() != run;
      }
    };
  }

  /** Stops ticking; no step starts after this returns. Idempotent. */
  public void stop() {
    stop(currentRun.get());
  }

  private void stop(Run run) {
    if (run != null && currentRun.compareAndSet(run, null)) {
      run.loop.dispose();
    }
  }

  /** Whether the loop is running. */
  public boolean isRunning() {
    return currentRun.get() != null;
  }

  /** The counters. */
  public StrategySchedulerStatistics statistics() {
    return new StrategySchedulerStatistics(
        rounds.get(),
        roundsSkippedClosed.get(),
        stepsTaken.get(),
        stepsSkippedAtTarget.get(),
        ticksDropped.get(),
        stepErrors.get(),
        flushErrors.get());
  }

  private Mono<Void> round(Run run) {
    return Mono.defer(
        () -> {
          if (currentRun.get() != run) {
            return Mono.empty();
          }
          if (!isReady()) {
            roundsSkippedClosed.incrementAndGet();
            return Mono.empty();
          }
          rounds.incrementAndGet();
          List<Registration> snapshot = registrations.get();
          int n = snapshot.size();
          long smoothNanos =
              n == 0 ? 0 : walkerInterval.toNanos() / (n * NANOS_PER_SECOND) * NANOS_PER_SECOND;
          return Flux.range(0, n)
              .concatMap(i -> slot(run, snapshot.get(i), i < n - 1, smoothNanos), 0)
              .then();
        });
  }

  private boolean isReady() {
    try {
      return ready.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("the strategy loop's readiness check failed; skipping this round", e);
      return false;
    }
  }

  /** One strategy's turn: maybe a step, its flush, then the smoothing delay. */
  private Mono<Void> slot(Run run, Registration r, boolean notLast, long smoothNanos) {
    return Mono.defer(
            () -> {
              if (currentRun.get() != run) {
                return Mono.<Void>empty();
              }
              long start = scheduler.now(TimeUnit.NANOSECONDS);
              Mono<Void> flushed = step(r) ? flushQuietly(r) : Mono.empty();
              return flushed.then(Mono.defer(() -> smoothing(run, start, notLast, smoothNanos)));
            })
        .subscribeOn(scheduler);
  }

  /** Runs the step if due; answers whether something may have been sent. */
  private boolean step(Registration r) {
    if (registrations.get().stream().noneMatch(x -> x == r)) {
      // Removed after the round started (e.g. its overlay was unloaded): do not touch it.
      return false;
    }
    DiscoveryStrategy s = r.strategy();
    try {
      int target = r.targetPeers();
      if (target == -1 || s.getPeerCount() < target) {
        stepsTaken.incrementAndGet();
        s.takeStep();
        return true;
      }
      stepsSkippedAtTarget.incrementAndGet();
      return false;
    } catch (RuntimeException e) {
      stepErrors.incrementAndGet();
      log.warn("discovery strategy {} failed; it stays registered", s.getClass().getName(), e);
      return true;
    }
  }

  private Mono<Void> flushQuietly(Registration r) {
    return Mono.defer(flush)
        .onErrorResume(
            e -> {
              flushErrors.incrementAndGet();
              log.warn(
                  "flush after a step of {} failed; continuing",
                  r.strategy().getClass().getName(),
                  e);
              return Mono.empty();
            });
  }

  private Mono<Void> smoothing(Run run, long startNanos, boolean notLast, long smoothNanos) {
    if (!notLast || smoothNanos == 0 || currentRun.get() != run) {
      return Mono.empty();
    }
    long sleep = smoothNanos - (scheduler.now(TimeUnit.NANOSECONDS) - startNanos);
    if (sleep <= MIN_SMOOTHING_SLEEP.toNanos()) {
      return Mono.empty();
    }
    return Mono.delay(Duration.ofNanos(sleep), scheduler).then();
  }
}
