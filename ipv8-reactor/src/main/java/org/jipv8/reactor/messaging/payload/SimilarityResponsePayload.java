package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * DiscoveryCommunity similarity-response (2), signed: a counted list of 20-byte community ids and
 * the legacy tb_overlap bytes (always empty from py-ipv8).
 */
@Message(id = 2)
public record SimilarityResponsePayload(
    @Format("H") int identifier,
    @Format("varlenHx20") byte[] preferenceList,
    @Format("raw") byte[] tbOverlap) {}
