package org.jipv8.reactor.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.messaging.DropReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The hot receive streams of an endpoint: one producer (the socket's event loop, or the
 * simulation's scheduler) hands each datagram to every current subscriber of {@link #flux()} at
 * once, and each run of datagrams to every subscriber of {@link #bursts()} when the producer says
 * the run ended ({@link #endOfBurst}), without ever waiting for a subscriber.
 *
 * <p>A subscriber that has no outstanding demand when a datagram (or a run) arrives loses it, and
 * the loss is counted as {@link DropReason#RECEIVE_OVERFLOW} (once per datagram and subscriber that
 * missed it). This is deliberate: stalling the event loop for one slow subscriber would stall the
 * socket and every other subscriber. Subscribers that do real work should {@code publishOn} their
 * own scheduler, whose queue absorbs short bursts.
 *
 * <p>Threading: {@link #publish}, {@link #endOfBurst} and {@link #complete} must be called by one
 * thread at a time (the producer); the fluxes may be subscribed from any thread. Subscribers'
 * {@code onNext} runs on the producer's thread.
 */
public final class DatagramFanOut {
  private final Sinks.Many<Datagram> sink = Sinks.many().multicast().directBestEffort();
  private final Sinks.Many<List<Datagram>> runs = Sinks.many().multicast().directBestEffort();
  private final Flux<Datagram> flux;
  private final Flux<List<Datagram>> bursts;
  // The run being read; only touched by the producer. Null while no burst subscriber listens.
  private List<Datagram> run;

  /** A fan-out that counts subscriber overflows into {@code counters}. */
  public DatagramFanOut(EndpointCounters counters) {
    Objects.requireNonNull(counters, "counters");
    // onBackpressureDrop requests everything from the sink and drops per subscriber, so the sink
    // always sees demand and one lagging subscriber is counted rather than silently skipped.
    this.flux =
        sink.asFlux()
            .onBackpressureDrop(dropped -> counters.recordDrop(DropReason.RECEIVE_OVERFLOW));
    this.bursts =
        runs.asFlux()
            .onBackpressureDrop(
                dropped -> dropped.forEach(d -> counters.recordDrop(DropReason.RECEIVE_OVERFLOW)));
  }

  /** The hot stream of single datagrams; completes after {@link #complete()}. */
  public Flux<Datagram> flux() {
    return flux;
  }

  /**
   * The hot stream of runs (unmodifiable lists of at most {@link Endpoint#MAX_BURST} datagrams, as
   * {@link Endpoint#receiveBursts()} promises); completes after {@link #complete()}.
   */
  public Flux<List<Datagram>> bursts() {
    return bursts;
  }

  /**
   * Hands {@code datagram} to the current subscribers of {@link #flux()} (none is fine: it is
   * simply not seen) and adds it to the current run. A run that reaches {@link Endpoint#MAX_BURST}
   * datagrams ends here.
   */
  public void publish(Datagram datagram) {
    if (runs.currentSubscriberCount() > 0) {
      if (run == null) {
        run = new ArrayList<>(Endpoint.MAX_BURST);
      }
      run.add(datagram);
    }
    try {
      sink.tryEmitNext(datagram);
    } finally {
      if (run != null && run.size() >= Endpoint.MAX_BURST) {
        endOfBurst();
      }
    }
  }

  /** Ends the current run: hands it to the subscribers of {@link #bursts()} (if it has any). */
  public void endOfBurst() {
    List<Datagram> ended = run;
    if (ended != null) {
      run = null;
      runs.tryEmitNext(Collections.unmodifiableList(ended));
    }
  }

  /** Completes both streams for current and future subscribers (a pending run is handed on). */
  public void complete() {
    endOfBurst();
    sink.tryEmitComplete();
    runs.tryEmitComplete();
  }
}
