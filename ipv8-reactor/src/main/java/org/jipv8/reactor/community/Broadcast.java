package org.jipv8.reactor.community;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * A hot stream fed on the protocol thread, with a bounded buffer per subscriber: the engine behind
 * {@code Community.messages(...)} and {@code Community.peers()}.
 *
 * <p>Promises: every subscriber gets the items published after it subscribed, in publication order,
 * and every signal is emitted on the protocol thread (a {@code request} from another thread makes
 * the protocol thread emit). A subscriber without demand keeps up to {@code capacity} items;
 * further items are dropped for it alone and reported to the overflow callback, so a slow
 * subscriber never slows the publisher or the other subscribers. {@link #complete()} completes
 * every subscriber after its buffered items, and completes later subscribers at once.
 *
 * <p>Threading: {@link #publish} and {@link #complete} run on the protocol thread; subscribing,
 * requesting and cancelling are safe from any thread.
 *
 * @param <T> the item type
 */
final class Broadcast<T> {
  private final ProtocolThread protocol;
  private final int capacity;
  private final Runnable onOverflow;
  private final List<Slot> slots = new ArrayList<>();
  private boolean completed;

  /**
   * @param capacity the buffer of each subscriber, at least 1
   * @param onOverflow called on the protocol thread for each item dropped for a subscriber
   */
  Broadcast(ProtocolThread protocol, int capacity, Runnable onOverflow) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a subscriber buffer holds at least 1, got " + capacity);
    }
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.capacity = capacity;
    this.onOverflow = Objects.requireNonNull(onOverflow, "onOverflow");
  }

  /**
   * The hot stream. {@code replay}, when not null, is asked on the protocol thread at subscription
   * time for the items this subscriber gets first (e.g. the current peers).
   */
  Flux<T> flux(Supplier<List<T>> replay) {
    return Flux.from(
        subscriber -> {
          Slot slot = new Slot(Operators.toCoreSubscriber(subscriber));
          subscriber.onSubscribe(slot);
          protocol.execute(() -> attach(slot, replay));
        });
  }

  /** Whether any subscriber is attached (protocol thread). */
  boolean hasSubscribers() {
    return !slots.isEmpty();
  }

  /** Offers {@code item} to every subscriber (protocol thread). */
  void publish(T item) {
    assert protocol.confined() : "Broadcast.publish off the protocol thread";
    if (slots.isEmpty()) {
      return;
    }
    for (Slot s : List.copyOf(slots)) {
      s.offer(item);
    }
  }

  /** Completes every subscriber after its buffered items; later subscribers complete at once. */
  void complete() {
    assert protocol.confined() : "Broadcast.complete off the protocol thread";
    completed = true;
    for (Slot s : List.copyOf(slots)) {
      s.finish();
    }
  }

  private void attach(Slot slot, Supplier<List<T>> replay) {
    if (slot.cancelled) {
      return;
    }
    if (replay != null) {
      replay.get().forEach(slot::offer);
    }
    if (completed) {
      slot.finish();
      return;
    }
    slots.add(slot);
    slot.drain();
  }

  /** One subscriber: its demand (any thread) and its buffer (protocol thread). */
  private final class Slot implements Subscription {
    private final Subscriber<? super T> downstream;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final AtomicLong requested = new AtomicLong();
    private volatile boolean cancelled;
    private boolean finished;
    private boolean done;
    private boolean draining;

    Slot(Subscriber<? super T> downstream) {
      this.downstream = downstream;
    }

    @Override
    public void request(long n) {
      if (!Operators.validate(n)) {
        return;
      }
      requested.getAndUpdate(r -> Operators.addCap(r, n));
      protocol.execute(this::drain);
    }

    @Override
    public void cancel() {
      cancelled = true;
      protocol.execute(
          () -> {
            slots.remove(this);
            buffer.clear();
          });
    }

    void offer(T item) {
      if (cancelled || done) {
        return;
      }
      if (buffer.size() >= capacity) {
        onOverflow.run();
        return;
      }
      buffer.add(item);
      drain();
    }

    void finish() {
      finished = true;
      slots.remove(this);
      drain();
    }

    void drain() {
      if (draining || done) {
        return;
      }
      draining = true;
      try {
        while (!cancelled && !buffer.isEmpty() && requested.get() > 0) {
          T item = buffer.poll();
          if (requested.get() != Long.MAX_VALUE) {
            requested.decrementAndGet();
          }
          emit(downstream::onNext, item);
        }
        if (finished && buffer.isEmpty() && !cancelled) {
          done = true;
          downstream.onComplete();
        }
      } finally {
        draining = false;
      }
    }

    private void emit(Consumer<? super T> signal, T item) {
      try {
        signal.accept(item);
      } catch (RuntimeException e) {
        // A subscriber that throws from onNext breaks the Reactive Streams rules; it is dropped
        // rather than allowed to stop the publisher.
        cancel();
        downstream.onError(e);
        done = true;
      }
    }
  }
}
