package org.jipv8.reactor.dht.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT find-request (id 5): asks for the values under a key, or (force nodes) for the nodes closest
 * to it.
 *
 * @param identifier the request identifier (u32)
 * @param lanAddress the requester's own LAN address, for the puncture-request the responder sends
 * @param target the key or node id searched (20 bytes)
 * @param offset how many stored values to skip (paging, u32)
 * @param forceNodes whether to answer with nodes even when values are stored
 */
@Message(id = 5, globalTime = false)
public record FindRequestPayload(
    @Format("I") int identifier,
    Address lanAddress,
    @Format("20s") byte[] target,
    @Format("I") int offset,
    boolean forceNodes)
    implements Correlated {}
