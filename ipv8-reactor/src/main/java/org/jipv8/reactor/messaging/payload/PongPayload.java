package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** DiscoveryCommunity pong (4), unsigned; identifier copied from the ping. */
@Message(id = 4, signed = false)
public record PongPayload(@Format("H") int identifier) {}
