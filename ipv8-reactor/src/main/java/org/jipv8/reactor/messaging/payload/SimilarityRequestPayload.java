package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DiscoveryCommunity similarity-request (1), signed: the 20-byte ids of every community the sender
 * runs with the signing key, concatenated without a count.
 */
@Message(id = 1)
public record SimilarityRequestPayload(
    @Format("H") int identifier,
    @Format("ipv4") Address lanAddress,
    @Format("ipv4") Address wanAddress,
    Bits flags,
    @Format("raw") byte[] preferenceList) {}
