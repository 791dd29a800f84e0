package org.jipv8.reactor.dht.payload;

import java.util.List;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT store-request (id 3): store serialized values under a key.
 *
 * @param identifier the request identifier (u32)
 * @param token the token of the receiver's last find-response to the sender (20 bytes)
 * @param target the key (20 bytes)
 * @param values serialized values (see {@code DhtValues}), at most 8 accepted
 */
@Message(id = 3, globalTime = false)
public record StoreRequestPayload(
    @Format("I") int identifier,
    @Format("20s") byte[] token,
    @Format("20s") byte[] target,
    List<byte[]> values)
    implements Correlated {}
