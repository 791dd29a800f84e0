package org.jipv8.reactor.dht.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT connect-peer-request (id 9): who stores the peer whose mid is the target? The responder also
 * asks every stored node to puncture towards the requester.
 *
 * @param identifier the request identifier (u32)
 * @param lanAddress the requester's own LAN address
 * @param target the mid of the peer sought (20 bytes)
 */
@Message(id = 9, globalTime = false)
public record ConnectPeerRequestPayload(
    @Format("I") int identifier, Address lanAddress, @Format("20s") byte[] target)
    implements Correlated {}
