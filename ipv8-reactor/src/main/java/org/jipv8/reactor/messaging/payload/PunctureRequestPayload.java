package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** Old-style puncture-request (250), unsigned. */
@Message(id = 250, signed = false)
public record PunctureRequestPayload(
    @Format("ipv4") Address lanWalkerAddress,
    @Format("ipv4") Address wanWalkerAddress,
    @Format("H") int identifier)
    implements PunctureRequest {
  @Override
  public boolean newStyle() {
    return false;
  }
}
