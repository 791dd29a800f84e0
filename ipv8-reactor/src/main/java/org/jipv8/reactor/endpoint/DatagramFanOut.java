package org.jipv8.reactor.endpoint;

import java.util.Objects;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The hot receive stream of an endpoint: one producer (the socket's event loop, or the simulation's
 * scheduler) hands each datagram to every current subscriber, without ever waiting for one.
 *
 * <p>A subscriber that has no outstanding demand when a datagram arrives loses that datagram, and
 * the loss is counted as {@link DropReason#RECEIVE_OVERFLOW} (once per subscriber that missed it).
 * This is deliberate: stalling the event loop for one slow subscriber would stall the socket and
 * every other subscriber. Subscribers that do real work should {@code publishOn} their own
 * scheduler, whose queue absorbs short bursts.
 *
 * <p>Threading: {@link #publish} and {@link #complete} must be called by one thread at a time (the
 * producer); {@link #flux()} may be subscribed from any thread. Subscribers' {@code onNext} runs on
 * the producer's thread.
 */
public final class DatagramFanOut {
  private final Sinks.Many<Datagram> sink = Sinks.many().multicast().directBestEffort();
  private final Flux<Datagram> flux;

  /** A fan-out that counts subscriber overflows into {@code counters}. */
  public DatagramFanOut(EndpointCounters counters) {
    Objects.requireNonNull(counters, "counters");
    // onBackpressureDrop requests everything from the sink and drops per subscriber, so the sink
    // always sees demand and one lagging subscriber is counted rather than silently skipped.
    this.flux =
        sink.asFlux()
            .onBackpressureDrop(dropped -> counters.recordDrop(DropReason.RECEIVE_OVERFLOW));
  }

  /** The hot stream; completes after {@link #complete()}. */
  public Flux<Datagram> flux() {
    return flux;
  }

  /** Hands {@code datagram} to the current subscribers (none is fine: it is simply not seen). */
  public void publish(Datagram datagram) {
    sink.tryEmitNext(datagram);
  }

  /** Completes the stream for current and future subscribers. */
  public void complete() {
    sink.tryEmitComplete();
  }
}
