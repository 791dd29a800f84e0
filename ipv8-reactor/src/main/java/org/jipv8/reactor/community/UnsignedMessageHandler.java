package org.jipv8.reactor.community;

import org.jipv8.api.address.Address;

/**
 * Handles an unsigned message, known only by its UDP source address. Runs on the community's
 * protocol thread; an exception is logged and counted as {@code HANDLER_ERROR}.
 *
 * @param <T> the message record type
 */
@FunctionalInterface
public interface UnsignedMessageHandler<T extends Record> {
  /** Handles one message from {@code source}. */
  void handle(Address source, T message);
}
