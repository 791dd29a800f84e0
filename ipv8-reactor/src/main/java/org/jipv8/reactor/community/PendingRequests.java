package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import reactor.core.publisher.Mono;

/**
 * The requests of one community waiting for their responses ({@code Community.request(...)}), on a
 * {@link RequestCache} of their own: one number space per response type, so the identifier the
 * engine picks is free among the pending requests expecting that type.
 *
 * <p>Threading: {@link #request}'s {@code Mono} may be subscribed from any thread; everything else
 * runs on the protocol thread.
 */
final class PendingRequests {
  private final ProtocolThread protocol;
  private final RequestCache cache;
  private final BiFunction<Peer, Record, Mono<Void>> sender;
  private final Map<Class<?>, String> prefixes = new ConcurrentHashMap<>();
  // By message id, as a table: the dispatch stage asks for every message it handles.
  private final AtomicReferenceArray<Class<?>> byMessageId = new AtomicReferenceArray<>(256);

  /**
   * @param sender sends a request lazily and reports a refusal as an error
   */
  PendingRequests(
      ProtocolThread protocol,
      RandomGenerator random,
      BiFunction<Peer, Record, Mono<Void>> sender) {
    this.protocol = protocol;
    this.cache = new RequestCache(protocol.scheduler(), random);
    this.sender = sender;
  }

  /** The low-level cache (diagnostics, tests). */
  RequestCache cache() {
    return cache;
  }

  /**
   * Checks the arguments of {@code Community.request} and makes {@code responseType} expected.
   *
   * @return the response type's {@code @Message}
   */
  Message expect(Peer peer, Object request, Class<?> responseType, Duration timeout) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(request, "request");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request timeout must be positive, got " + timeout);
    }
    Message m = Invokers.annotation(responseType);
    prefixes.computeIfAbsent(responseType, t -> "request:" + t.getName());
    byMessageId.compareAndSet(m.id(), null, responseType);
    return m;
  }

  /** Whether a response type with that message id is expected. */
  boolean expects(int messageId) {
    return messageId >= 0 && messageId < 256 && byMessageId.get(messageId) != null;
  }

  /** See {@code Community.request}. */
  <R extends Record & Correlated> Mono<R> request(
      Peer peer, IntFunction<? extends Record> build, Class<R> responseType, Duration timeout) {
    String prefix = prefixes.get(responseType);
    return Mono.create(
        sink ->
            protocol.execute(
                () -> {
                  PendingRequest<R> pending;
                  try {
                    pending =
                        cache.addRandom(
                            prefix,
                            n ->
                                new PendingRequest<>(prefix, n, peer, responseType, timeout, sink));
                  } catch (RuntimeException e) {
                    sink.error(e);
                    return;
                  }
                  if (pending == null) {
                    sink.error(
                        new IllegalStateException(
                            "the community is unloaded; no request to " + peer.address()));
                    return;
                  }
                  sink.onCancel(() -> protocol.execute(() -> forget(pending)));
                  Record message;
                  try {
                    message = build.apply((int) pending.number());
                  } catch (RuntimeException e) {
                    forget(pending);
                    sink.error(e);
                    return;
                  }
                  sender
                      .apply(peer, message)
                      .subscribe(
                          null,
                          e ->
                              protocol.execute(
                                  () -> {
                                    if (forget(pending)) {
                                      pending.fail(e);
                                    }
                                  }));
                }));
  }

  /** Removes {@code pending} if it still waits; true when it did. */
  private boolean forget(PendingRequest<?> pending) {
    if (cache.get(pending.prefix(), pending.number()) != pending) {
      return false;
    }
    cache.pop(pending.prefix(), pending.number());
    return true;
  }

  /**
   * Offers a received message: answers the matching pending request. Returns null when the message
   * answered one or is no expected response, else why it answered none ({@code NO_PENDING_REQUEST},
   * or {@code UNSOLICITED_RESPONSE} for the identifier of a request to another peer).
   */
  DropReason offer(Received<?> received) {
    Object payload = received.payload();
    String prefix = prefixes.get(payload.getClass());
    if (prefix == null || !(payload instanceof Correlated correlated)) {
      return null;
    }
    long number = Integer.toUnsignedLong(correlated.identifier());
    NumberCache entry = cache.get(prefix, number);
    if (!(entry instanceof PendingRequest<?> pending)) {
      return DropReason.NO_PENDING_REQUEST;
    }
    if (!pending.isFrom(received)) {
      return DropReason.UNSOLICITED_RESPONSE;
    }
    cache.pop(prefix, number);
    pending.answer(payload);
    return null;
  }

  /** Errors every pending request and refuses new ones. */
  void shutdown() {
    cache.shutdown();
  }
}
