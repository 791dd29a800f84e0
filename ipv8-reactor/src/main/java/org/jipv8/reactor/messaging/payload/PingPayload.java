package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** DiscoveryCommunity ping (3), unsigned; identifier = global time mod 65536. */
@Message(id = 3, signed = false)
public record PingPayload(@Format("H") int identifier) {}
