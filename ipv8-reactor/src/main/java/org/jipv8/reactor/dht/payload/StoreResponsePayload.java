package org.jipv8.reactor.dht.payload;

import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT store-response (id 4): the values of a store-request were accepted.
 *
 * @param identifier the identifier of the request answered (u32)
 */
@Message(id = 4, globalTime = false)
public record StoreResponsePayload(@Format("I") int identifier) implements Correlated {}
