package org.jipv8.reactor.dht.payload;

import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT store-peer-request (id 7): "store me under my mid". The target must be the sender's mid.
 *
 * @param identifier the request identifier (u32)
 * @param token the token of the receiver's last find-response to the sender (20 bytes)
 * @param target the key to store under: the sender's mid (20 bytes)
 */
@Message(id = 7, globalTime = false)
public record StorePeerRequestPayload(
    @Format("I") int identifier, @Format("20s") byte[] token, @Format("20s") byte[] target)
    implements Correlated {}
