package org.jipv8.reactor.community;

/**
 * Handles a message with its full context (signer, source, global time). Runs on the community's
 * protocol thread; an exception is logged and counted as {@code HANDLER_ERROR}, and the next
 * message is handled normally.
 *
 * @param <T> the message record type
 */
@FunctionalInterface
public interface ReceivedHandler<T extends Record> {
  /** Handles one message. */
  void handle(Received<T> message);
}
