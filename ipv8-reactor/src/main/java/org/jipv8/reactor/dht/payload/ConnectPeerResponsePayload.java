package org.jipv8.reactor.dht.payload;

import java.util.List;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT connect-peer-response (id 10): the nodes stored under the requested mid, at the addresses the
 * responder saw them at.
 *
 * @param identifier the identifier of the request answered (u32)
 * @param nodes the stored nodes; written inline, no length per item
 */
@Message(id = 10, globalTime = false)
public record ConnectPeerResponsePayload(
    @Format("I") int identifier, @Format("node-list") List<WireNode> nodes) implements Correlated {}
