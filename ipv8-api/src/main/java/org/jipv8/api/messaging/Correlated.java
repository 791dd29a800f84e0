package org.jipv8.api.messaging;

/**
 * A message that carries a request identifier, so that a response can be matched to its request.
 *
 * <p>A record with an {@code int identifier} component implements this interface just by declaring
 * {@code implements Correlated}: the record's accessor is the implementation. The engine's {@code
 * Community.request(...)} chooses a free identifier, builds the request with it and completes with
 * the first response of the expected type from that peer whose {@code identifier()} is the same.
 */
public interface Correlated {

  /** The request identifier this message carries (on the wire usually {@code H} or {@code I}). */
  int identifier();
}
