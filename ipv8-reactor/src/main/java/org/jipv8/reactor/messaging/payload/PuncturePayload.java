package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** Old-style puncture (249), signed. */
@Message(id = 249)
public record PuncturePayload(
    @Format("ipv4") Address sourceLanAddress,
    @Format("ipv4") Address sourceWanAddress,
    @Format("H") int identifier) {}
