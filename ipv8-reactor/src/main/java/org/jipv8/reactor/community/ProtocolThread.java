package org.jipv8.reactor.community;

import java.util.Objects;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The confinement of one node's state to its protocol scheduler: runs work there, inline when the
 * caller already is on it, and answers whether the caller is.
 *
 * <p>The protocol scheduler is single-threaded, so the thread that last ran one of the tasks this
 * class scheduled is the protocol thread. Until a first task has run nothing is known, and work is
 * scheduled. A {@code VirtualTimeScheduler} runs tasks on whichever thread advances it; with it,
 * the thread that advanced time last counts as the protocol thread, which is what tests need.
 *
 * <p>Threading: every method is safe from any thread.
 */
final class ProtocolThread {
  private final Scheduler scheduler;
  private volatile Thread owner;

  ProtocolThread(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** The protocol scheduler. */
  Scheduler scheduler() {
    return scheduler;
  }

  /** Whether the calling thread is the protocol thread (false while it is not known yet). */
  boolean isCurrent() {
    return Thread.currentThread() == owner;
  }

  /**
   * For assertions in mutators: true on the protocol thread and while the protocol thread is not
   * known yet (construction and wiring happen before any task ran).
   */
  boolean confined() {
    Thread t = owner;
    return t == null || t == Thread.currentThread();
  }

  /** Runs {@code task} on the protocol thread: now when called there, else as a new task. */
  void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (isCurrent()) {
      task.run();
    } else {
      scheduler.schedule(
          () -> {
            owner = Thread.currentThread();
            task.run();
          });
    }
  }

  /**
   * A lazy {@code Mono} of {@code work}'s result computed on the protocol thread (inline when the
   * subscriber is on it). A null result completes empty; an exception errors the {@code Mono}.
   */
  <T> Mono<T> call(Callable<T> work) {
    Objects.requireNonNull(work, "work");
    return Mono.defer(
        () -> {
          if (isCurrent()) {
            return Mono.fromCallable(work);
          }
          return Mono.fromCallable(
                  () -> {
                    owner = Thread.currentThread();
                    return work.call();
                  })
              .subscribeOn(scheduler);
        });
  }

  /** Marks the calling thread as the protocol thread; call from a task known to run there. */
  void enter() {
    owner = Thread.currentThread();
  }
}
