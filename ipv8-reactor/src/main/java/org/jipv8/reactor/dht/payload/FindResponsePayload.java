package org.jipv8.reactor.dht.payload;

import java.util.List;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DHT find-response (id 6): the values stored under the target, or else the closest nodes the
 * responder knows.
 *
 * @param identifier the identifier of the request answered (u32)
 * @param token what the requester quotes in its next store-request or store-peer-request to the
 *     responder (20 bytes)
 * @param values serialized values (at most 8, from the requested offset)
 * @param nodes nodes, closest to the target first (at most 8); written inline, no length per item
 */
@Message(id = 6, globalTime = false)
public record FindResponsePayload(
    @Format("I") int identifier,
    @Format("20s") byte[] token,
    List<byte[]> values,
    @Format("node-list") List<WireNode> nodes)
    implements Correlated {}
