package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** New-style puncture (231), signed. */
@Message(id = 231)
public record NewPuncturePayload(
    @Format("ip_address") Address sourceLanAddress,
    @Format("ip_address") Address sourceWanAddress,
    @Format("H") int identifier) {}
