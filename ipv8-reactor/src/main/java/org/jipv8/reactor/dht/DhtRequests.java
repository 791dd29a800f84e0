package org.jipv8.reactor.dht;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * The DHT's outstanding requests, by type and identifier (py-ipv8's request cache of {@code
 * Request}s): a lazy {@link Mono} per request that completes with the first response of that type
 * and identifier from the node asked, or fails with a {@link DhtException} on timeout, on the rate
 * limit, or on unload. A timeout counts as a failure of the node; a response records its round
 * trip. Confined to the protocol thread (the Monos subscribe there).
 */
final class DhtRequests {
  private record Key(String type, int identifier) {}

  private static final class Pending {
    final Key key;
    final TrackedNode node;
    final long sentAt;
    final MonoSink<Record> sink;
    Disposable timer;

    Pending(Key key, TrackedNode node, long sentAt, MonoSink<Record> sink) {
      this.key = key;
      this.node = node;
      this.sentAt = sentAt;
      this.sink = sink;
    }
  }

  private final Map<Key, Pending> pending = new HashMap<>();
  private final Scheduler protocol;
  private final RandomGenerator random;
  private final LongSupplier clock;
  private final BiConsumer<Address, Record> sender;
  private final DhtStatistics statistics;
  private final OutgoingLimiter limiter = new OutgoingLimiter();
  private boolean closed;

  DhtRequests(
      Scheduler protocol,
      RandomGenerator random,
      LongSupplier clock,
      BiConsumer<Address, Record> sender,
      DhtStatistics statistics) {
    this.protocol = protocol;
    this.random = random;
    this.clock = clock;
    this.sender = sender;
    this.statistics = statistics;
  }

  /**
   * Sends {@code build.apply(identifier)} to {@code node} when subscribed and completes with the
   * matching response of {@code responseType}.
   */
  <R extends Record> Mono<R> request(
      String type,
      TrackedNode node,
      IntFunction<? extends Record> build,
      Class<R> responseType,
      Duration timeout) {
    return Mono.<Record>create(sink -> start(type, node, build, timeout, sink))
        .subscribeOn(protocol)
        .cast(responseType);
  }

  private void start(
      String type,
      TrackedNode node,
      IntFunction<? extends Record> build,
      Duration timeout,
      MonoSink<Record> sink) {
    if (closed) {
      sink.error(new DhtException(type + "-request to " + node.node() + ": the DHT was unloaded"));
      return;
    }
    long now = clock.getAsLong();
    if (!limiter.tryAcquire(node.node(), now)) {
      statistics.increment(DhtDrop.SEND_RATE_LIMITED);
      sink.error(
          new DhtException(
              type
                  + "-request to "
                  + node.node()
                  + " not sent: it already got "
                  + DhtConstants.NODE_LIMIT_QUERIES
                  + " requests in the last "
                  + DhtConstants.NODE_LIMIT_INTERVAL.toSeconds()
                  + " s"));
      return;
    }
    Key key = new Key(type, freeIdentifier(type));
    Pending p = new Pending(key, node, now, sink);
    pending.put(key, p);
    p.timer =
        protocol.schedule(() -> timedOut(p, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    sink.onCancel(
        () -> {
          if (pending.remove(key, p)) {
            p.timer.dispose();
          }
        });
    if (type.equals("ping")) {
      node.pinged(now);
    }
    sender.accept(node.address(), build.apply(key.identifier()));
  }

  private int freeIdentifier(String type) {
    for (int tries = 0; tries < 1000; tries++) {
      int id = random.nextInt(65536);
      if (!pending.containsKey(new Key(type, id))) {
        return id;
      }
    }
    // 65536 ids of one type in flight cannot happen with the rate limit; fall back to a scan.
    for (int id = 0; id < 65536; id++) {
      if (!pending.containsKey(new Key(type, id))) {
        return id;
      }
    }
    throw new DhtException("no free " + type + " identifier");
  }

  private void timedOut(Pending p, Duration timeout) {
    if (pending.remove(p.key, p)) {
      statistics.increment(DhtDrop.TIMEOUT);
      p.node.timedOut();
      p.sink.error(
          new DhtException(
              p.key.type()
                  + "-request to "
                  + p.node.node()
                  + " timed out after "
                  + timeout.toMillis()
                  + " ms"));
    }
  }

  /** Whether a request of {@code type} with {@code identifier} is outstanding. */
  boolean has(String type, int identifier) {
    return pending.containsKey(new Key(type, identifier));
  }

  /**
   * Completes the request answered by {@code response}; false (counted) when there is none of that
   * type and identifier or it was sent to another key.
   */
  boolean complete(String type, int identifier, byte[] senderKey, Record response) {
    Key key = new Key(type, identifier);
    Pending p = pending.get(key);
    if (p == null || !Arrays.equals(p.node.node().publicKeyRef(), senderKey)) {
      statistics.increment(DhtDrop.UNSOLICITED_RESPONSE);
      return false;
    }
    pending.remove(key);
    p.timer.dispose();
    p.node.responded(clock.getAsLong(), p.sentAt);
    p.sink.success(response);
    return true;
  }

  /** Outstanding requests. */
  int size() {
    return pending.size();
  }

  /** Fails every outstanding request and refuses new ones. */
  void shutdown() {
    closed = true;
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : all) {
      p.timer.dispose();
      p.sink.error(
          new DhtException(
              p.key.type() + "-request to " + p.node.node() + ": the DHT was unloaded"));
    }
  }
}
