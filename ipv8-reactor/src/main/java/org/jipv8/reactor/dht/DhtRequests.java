package org.jipv8.reactor.dht;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.peer.Peer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The DHT's requests on top of {@code Community.request} (py-ipv8's {@code Request} caches): a lazy
 * {@link Mono} per request that completes with the response of that type and identifier from the
 * node asked. On top of the engine's matching it keeps our requests to one node at or under
 * py-ipv8's limit (10 per 5 s), records the node's round trip on a response and a failure on a
 * timeout, and turns every error into a {@link DhtException} naming the request and the node.
 * Subscribes on the protocol thread.
 */
final class DhtRequests {
  /** Sends a request and waits for the response (the community's {@code request}). */
  @FunctionalInterface
  interface Exchange {
    <R extends Record & Correlated> Mono<R> request(
        Peer peer, IntFunction<? extends Record> build, Class<R> responseType, Duration timeout);
  }

  private final Scheduler protocol;
  private final LongSupplier clock;
  private final Exchange exchange;
  private final DhtStatistics statistics;
  private final OutgoingLimiter limiter = new OutgoingLimiter();

  DhtRequests(Scheduler protocol, LongSupplier clock, Exchange exchange, DhtStatistics statistics) {
    this.protocol = protocol;
    this.clock = clock;
    this.exchange = exchange;
    this.statistics = statistics;
  }

  /**
   * Sends {@code build.apply(identifier)} to {@code node} when subscribed and completes with the
   * matching response of {@code responseType}.
   */
  <R extends Record & Correlated> Mono<R> request(
      String type,
      TrackedNode node,
      IntFunction<? extends Record> build,
      Class<R> responseType,
      Duration timeout) {
    return Mono.defer(() -> start(type, node, build, responseType, timeout)).subscribeOn(protocol);
  }

  private <R extends Record & Correlated> Mono<R> start(
      String type,
      TrackedNode node,
      IntFunction<? extends Record> build,
      Class<R> responseType,
      Duration timeout) {
    long sentAt = clock.getAsLong();
    if (!limiter.tryAcquire(node.node(), sentAt)) {
      statistics.increment(DhtDrop.SEND_RATE_LIMITED);
      return Mono.error(
          new DhtException(
              type
                  + "-request to "
                  + node.node()
                  + " not sent: it already got "
                  + DhtConstants.NODE_LIMIT_QUERIES
                  + " requests in the last "
                  + DhtConstants.NODE_LIMIT_INTERVAL.toSeconds()
                  + " s"));
    }
    if (type.equals("ping")) {
      node.pinged(sentAt);
    }
    Peer peer = new Peer(node.node().publicKey(), node.address());
    return exchange
        .request(peer, build, responseType, timeout)
        .doOnNext(r -> node.responded(clock.getAsLong(), sentAt))
        .onErrorMap(
            e -> !(e instanceof DhtException),
            e -> {
              if (e instanceof TimeoutException) {
                statistics.increment(DhtDrop.TIMEOUT);
                node.timedOut();
                return new DhtException(
                    type
                        + "-request to "
                        + node.node()
                        + " timed out after "
                        + timeout.toMillis()
                        + " ms");
              }
              return new DhtException(
                  type + "-request to " + node.node() + " failed: " + e.getMessage());
            });
  }
}
