package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** New-style puncture-request (232), unsigned. */
@Message(id = 232, signed = false)
public record NewPunctureRequestPayload(
    @Format("ip_address") Address lanWalkerAddress,
    @Format("ip_address") Address wanWalkerAddress,
    @Format("H") int identifier)
    implements PunctureRequest {
  @Override
  public boolean newStyle() {
    return true;
  }
}
