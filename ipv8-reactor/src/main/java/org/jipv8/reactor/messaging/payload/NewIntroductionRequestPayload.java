package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** New-style introduction-request (234): typed addresses, identifier before flags (sent as 0). */
@Message(id = 234)
public record NewIntroductionRequestPayload(
    @Format("ip_address") Address destinationAddress,
    @Format("ip_address") Address sourceLanAddress,
    @Format("ip_address") Address sourceWanAddress,
    @Format("H") int identifier,
    Bits flags,
    @Format("raw") byte[] extraBytes)
    implements IntroductionRequest {
  /** A new-style request always comes from a new-style peer. */
  @Override
  public boolean supportsNewStyle() {
    return true;
  }
}
