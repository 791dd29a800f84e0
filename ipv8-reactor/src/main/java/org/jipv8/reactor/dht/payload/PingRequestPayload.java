package org.jipv8.reactor.dht.payload;

import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT ping-request (id 1): asks a node to show it is alive.
 *
 * @param identifier the request identifier (u32)
 */
@Message(id = 1, globalTime = false)
public record PingRequestPayload(@Format("I") int identifier) implements Correlated {}
