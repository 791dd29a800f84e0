package org.jipv8.reactor.dht.payload;

import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT store-peer-response (id 8): the sender now stores the requester under its mid.
 *
 * @param identifier the identifier of the request answered (u32)
 */
@Message(id = 8, globalTime = false)
public record StorePeerResponsePayload(@Format("I") int identifier) implements Correlated {}
