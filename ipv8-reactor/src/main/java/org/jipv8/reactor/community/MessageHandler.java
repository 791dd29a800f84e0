package org.jipv8.reactor.community;

import org.jipv8.api.peer.Peer;

/**
 * Handles a signed message: the signature is verified and {@code peer} is the signer (the canonical
 * stored {@link Peer} when its key is known, else a new one at the source address). Runs on the
 * community's protocol thread; an exception is logged and counted as {@code HANDLER_ERROR}.
 *
 * @param <T> the message record type
 */
@FunctionalInterface
public interface MessageHandler<T extends Record> {
  /** Handles one message from {@code peer}. */
  void handle(Peer peer, T message);
}
