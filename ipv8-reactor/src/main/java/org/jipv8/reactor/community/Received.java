package org.jipv8.reactor.community;

import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;

/**
 * One received message with its context, as given to a {@link ReceivedHandler}.
 *
 * @param peer the signer of a signed message, as the canonical stored {@link Peer} when its key is
 *     known; null for an unsigned message
 * @param source the UDP source address
 * @param globalTime the message's global-time field, or 0 when its type declares none
 * @param payload the decoded message
 * @param <T> the message record type
 */
public record Received<T extends Record>(Peer peer, Address source, long globalTime, T payload) {
  public Received {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
  }

  /** Whether the message was signed (then {@link #peer()} is non-null). */
  public boolean signed() {
    return peer != null;
  }
}
