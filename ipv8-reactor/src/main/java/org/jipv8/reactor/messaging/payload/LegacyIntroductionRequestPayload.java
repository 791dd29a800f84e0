package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * The Dispersy-era introduction-request (246) that the DiscoveryCommunity tries first: a marker
 * byte and the 20-byte mid of the peer to be introduced to ({@code c20s}, 21 bytes), then the
 * ordinary fields. Receive-only; py-ipv8 never sends it.
 */
@Message(id = 246)
public record LegacyIntroductionRequestPayload(
    @Format("c20s") byte[] introduceTo,
    @Format("ipv4") Address destinationAddress,
    @Format("ipv4") Address sourceLanAddress,
    @Format("ipv4") Address sourceWanAddress,
    Bits flags,
    @Format("H") int identifier,
    @Format("raw") byte[] extraBytes) {}
