package org.jipv8.reactor.community;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import reactor.core.publisher.MonoSink;

/**
 * One request of {@code Community.request(...)} waiting for its response: a {@link NumberCache}
 * whose number is the request's identifier and whose outcome goes to the caller's {@code Mono}.
 *
 * @param <R> the response type
 */
final class PendingRequest<R> extends NumberCache {
  private final Peer peer;
  private final Class<R> responseType;
  private final Duration timeout;
  private final MonoSink<R> sink;

  PendingRequest(
      String prefix,
      long identifier,
      Peer peer,
      Class<R> responseType,
      Duration timeout,
      MonoSink<R> sink) {
    super(prefix, identifier);
    this.peer = peer;
    this.responseType = responseType;
    this.timeout = timeout;
    this.sink = sink;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  /**
   * Whether a response with this identifier comes from the asked peer: a signed response by its
   * key, an unsigned one by its source address.
   */
  boolean isFrom(Received<?> response) {
    if (response.peer() != null) {
      return response.peer().equals(peer);
    }
    Address source = response.source();
    for (Address a : peer.addresses().values()) {
      if (a.host().equals(source.host()) && a.port() == source.port()) {
        return true;
      }
    }
    return false;
  }

  /** Completes the caller's {@code Mono} with the response. */
  void answer(Object response) {
    sink.success(responseType.cast(response));
  }

  /** Errors the caller's {@code Mono}. */
  void fail(Throwable error) {
    sink.error(error);
  }

  @Override
  public void onTimeout() {
    sink.error(
        new TimeoutException(
            "no "
                + responseType.getSimpleName()
                + " with identifier "
                + number()
                + " from "
                + peer.address()
                + " within "
                + timeout));
  }

  @Override
  protected void onShutdown() {
    sink.error(
        new IllegalStateException(
            "the community was unloaded while a request to "
                + peer.address()
                + " waited for its "
                + responseType.getSimpleName()));
  }
}
