package org.jipv8.reactor.dht.payload;

import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT ping-response (id 2): echoes the identifier of a ping-request.
 *
 * @param identifier the identifier of the request answered (u32)
 */
@Message(id = 2, globalTime = false)
public record PingResponsePayload(@Format("I") int identifier) implements Correlated {}
