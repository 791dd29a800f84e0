package org.jipv8.reactor.endpoint;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The life of a socket endpoint: {@code NEW -> OPENING -> OPEN -> CLOSING -> CLOSED}, where a
 * {@code close()} may cut in at any point and a failed bind goes straight to {@code CLOSED}. A
 * closed endpoint is never opened again.
 *
 * <p>Threading: transitions are atomic and may race (a {@code close()} from one thread while the
 * event loop completes the bind); each method says who wins.
 */
final class EndpointLifecycle {

  /** Where the endpoint is in its life. */
  enum State {
    /** Built, not yet asked to open. */
    NEW,
    /** Binding. */
    OPENING,
    /** Bound: sends and receives. */
    OPEN,
    /** Asked to close; the socket is being released. */
    CLOSING,
    /** Released (or never bound); final. */
    CLOSED
  }

  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final Sinks.Empty<Void> released = Sinks.empty();

  State current() {
    return state.get();
  }

  boolean isOpen() {
    return state.get() == State.OPEN;
  }

  /** {@code NEW -> OPENING}; false when the endpoint was opened or closed before. */
  boolean beginOpening() {
    return state.compareAndSet(State.NEW, State.OPENING);
  }

  /**
   * {@code OPENING -> OPEN}; false when {@link #beginClosing()} came first, in which case the
   * caller releases the socket it just bound.
   */
  boolean completeOpening() {
    return state.compareAndSet(State.OPENING, State.OPEN);
  }

  /**
   * Starts closing and returns the state it left. From {@code NEW} the endpoint is {@code CLOSED}
   * at once (there is nothing to release); from {@code OPENING} or {@code OPEN} it is {@code
   * CLOSING} until {@link #closed()}; from {@code CLOSING} or {@code CLOSED} nothing changes.
   */
  State beginClosing() {
    while (true) {
      State now = state.get();
      switch (now) {
        case CLOSING, CLOSED -> {
          return now;
        }
        case NEW -> {
          if (state.compareAndSet(now, State.CLOSED)) {
            released.tryEmitEmpty();
            return now;
          }
        }
        case OPENING, OPEN -> {
          if (state.compareAndSet(now, State.CLOSING)) {
            return now;
          }
        }
      }
    }
  }

  /** The socket is released (or could not be bound): {@code CLOSED}. Idempotent. */
  void closed() {
    state.set(State.CLOSED);
    released.tryEmitEmpty();
  }

  /** Completes once {@code CLOSED}. */
  Mono<Void> whenReleased() {
    return released.asMono();
  }
}
