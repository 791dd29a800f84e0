package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Named one-shot and repeating tasks of one owner (a community, a service) on one scheduler: the
 * part of py-ipv8's {@code TaskManager} the engine needs (runtime.md section 8.1).
 *
 * <p>Promises:
 *
 * <ul>
 *   <li>Repetition is fixed-delay: wait {@code delay}, then forever run the task and wait {@code
 *       interval} after it returned.
 *   <li>Unlike py-ipv8 (quirk A20), a task that throws is not killed: the exception is logged with
 *       the owner and task name, counted ({@link #errorCount()}), and the task runs again at its
 *       next turn.
 *   <li>A name is unique among pending tasks: registering a pending name throws {@link
 *       IllegalStateException}; a finished one-shot task's name is free again.
 *   <li>After {@link #shutdown()} every task is cancelled and registrations are refused: they log a
 *       warning and return an already disposed handle (as py-ipv8 returns a completed future).
 * </ul>
 *
 * <p>Threading: the task table is confined to the protocol thread, without locks. Tasks run on the
 * injected scheduler (the protocol thread, or a virtual-time scheduler in tests). {@link
 * #register}, {@link #schedule}, {@link #cancel} and {@link #shutdown} must be called there (or
 * before any task ran, while a community is built); they assert it, so a call from another thread
 * fails in every test run. The readers ({@link #isPending}, {@link #pendingNames}, {@link
 * #isShutdown}, {@link #errorCount}) read an immutable snapshot and are safe from any thread. A
 * handle may be disposed from any thread: the table forgets the task on the protocol thread.
 */
public final class PeriodicTasks {
  private static final Logger log = LoggerFactory.getLogger(PeriodicTasks.class);

  private final String owner;
  private final Scheduler scheduler;
  private final ProtocolThread thread;
  private final Map<String, Disposable.Swap> pending = new LinkedHashMap<>();
  private final AtomicLong errors = new AtomicLong();
  private boolean shutdown;
  // Published after every change of the table, for readers off the protocol thread.
  private volatile Snapshot snapshot = new Snapshot(List.of(), false);

  private record Snapshot(List<String> names, boolean shutdown) {}

  /**
   * Tasks of {@code owner} (used in log messages) running on {@code scheduler}.
   *
   * @param owner a short name of the owner, e.g. the community class name
   */
  public PeriodicTasks(String owner, Scheduler scheduler) {
    this(owner, new ProtocolThread(Objects.requireNonNull(scheduler, "scheduler")));
  }

  /** Tasks of {@code owner} on the protocol thread of a community engine. */
  PeriodicTasks(String owner, ProtocolThread thread) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.thread = Objects.requireNonNull(thread, "thread");
    this.scheduler = thread.scheduler();
  }

  private boolean confined(String operation) {
    if (!thread.confined()) {
      throw new IllegalStateException(
          "PeriodicTasks."
              + operation
              + " of "
              + owner
              + " must run on the node's protocol thread, was called on "
              + Thread.currentThread().getName());
    }
    return true;
  }

  private void publish() {
    snapshot = new Snapshot(List.copyOf(pending.keySet()), shutdown);
  }

  /**
   * Runs {@code task} every {@code interval} (fixed delay), the first time after {@code delay}.
   *
   * @param delay time before the first run; zero runs it as soon as the scheduler gets to it
   * @param interval time between the end of one run and the start of the next; must be positive
   * @return a handle that cancels the task (as {@link #cancel} does)
   * @throws IllegalStateException when a task with that name is pending
   * @throws IllegalArgumentException when {@code interval} is not positive or {@code delay} is
   *     negative
   */
  public Disposable register(String name, Duration delay, Duration interval, Runnable task) {
    requireNonNegative("delay", name, delay);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "task '" + name + "' of " + owner + ": interval must be positive, was " + interval);
    }
    Mono<Void> once = Mono.fromRunnable(guarded(name, task));
    Flux<Void> body =
        Mono.delay(delay, scheduler)
            .thenMany(once.then(Mono.delay(interval, scheduler)).then().repeat());
    return start(name, body);
  }

  /** Runs {@code task} every {@code interval}, the first time after one {@code interval}. */
  public Disposable register(String name, Duration interval, Runnable task) {
    return register(name, interval, interval, task);
  }

  /**
   * Runs {@code task} once, on the scheduler, after {@code delay} (zero: as soon as the scheduler
   * gets to it). The name is free again once the task ran.
   *
   * @throws IllegalStateException when a task with that name is pending
   */
  public Disposable schedule(String name, Duration delay, Runnable task) {
    requireNonNegative("delay", name, delay);
    Mono<Void> body = Mono.delay(delay, scheduler).then(Mono.fromRunnable(guarded(name, task)));
    return start(name, body);
  }

  private Disposable start(String name, Publisher<Void> body) {
    Objects.requireNonNull(name, "name");
    assert confined("register");
    Disposable.Swap handle = Disposables.swap();
    if (shutdown) {
      log.warn("not starting task '{}' of {}: its task manager is shut down", name, owner);
      return Disposables.disposed();
    }
    if (pending.containsKey(name)) {
      throw new IllegalStateException(
          "task '" + name + "' of " + owner + " already exists and is still pending");
    }
    pending.put(name, handle);
    publish();
    Disposable running =
        Flux.from(body)
            .doFinally(signal -> forget(name, handle))
            .subscribe(
                null, e -> log.error("task '{}' of {} stopped unexpectedly", name, owner, e));
    handle.update(running);
    return handle;
  }

  private Runnable guarded(String name, Runnable task) {
    return () -> {
      // The task runs on the scheduler, which is the protocol thread.
      thread.enter();
      try {
        task.run();
      } catch (RuntimeException e) {
        errors.incrementAndGet();
        log.warn("task '{}' of {} failed; it stays scheduled", name, owner, e);
      }
    };
  }

  // A run ends on the protocol thread; a handle disposed elsewhere ends it there too.
  private void forget(String name, Disposable handle) {
    if (thread.confined()) {
      untrack(name, handle);
    } else {
      thread.execute(() -> untrack(name, handle));
    }
  }

  private void untrack(String name, Disposable handle) {
    if (pending.remove(name, handle)) {
      publish();
    }
  }

  private void requireNonNegative(String what, String name, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(
          "task '" + name + "' of " + owner + ": " + what + " must not be negative, was " + d);
    }
  }

  /**
   * Cancels the pending task of that name.
   *
   * @return whether such a task was pending
   */
  public boolean cancel(String name) {
    assert confined("cancel");
    Disposable handle = pending.remove(name);
    if (handle == null) {
      return false;
    }
    publish();
    handle.dispose();
    return true;
  }

  /** Whether a task of that name is pending (scheduled and not finished or cancelled). */
  public boolean isPending(String name) {
    return snapshot.names().contains(name);
  }

  /** The names of the pending tasks, in registration order. */
  public List<String> pendingNames() {
    return snapshot.names();
  }

  /** How many runs threw (all tasks together). */
  public long errorCount() {
    return errors.get();
  }

  /** Cancels every task and refuses new ones. Idempotent. */
  public void shutdown() {
    assert confined("shutdown");
    shutdown = true;
    List<Disposable> all = new ArrayList<>(pending.values());
    pending.clear();
    publish();
    all.forEach(Disposable::dispose);
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutdown() {
    return snapshot.shutdown();
  }
}
