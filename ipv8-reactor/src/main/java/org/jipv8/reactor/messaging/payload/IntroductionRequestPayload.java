package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * Old-style introduction-request (246): IPv4 addresses, flags before identifier.
 *
 * <p>Flags, most significant first: connection type (2 bits), supports_new_style, dflag1, dflag2,
 * tunnel, sync, advice. py-ipv8 sends 0x01.
 */
@Message(id = 246)
public record IntroductionRequestPayload(
    @Format("ipv4") Address destinationAddress,
    @Format("ipv4") Address sourceLanAddress,
    @Format("ipv4") Address sourceWanAddress,
    Bits flags,
    @Format("H") int identifier,
    @Format("raw") byte[] extraBytes)
    implements IntroductionRequest {

  /** Mask of the supports-new-style flag. */
  public static final int SUPPORTS_NEW_STYLE = 0x20;

  /** Mask of the advice flag (always sent set by py-ipv8). */
  public static final int ADVICE = 0x01;

  /** Whether the requester advertised new-style support. */
  @Override
  public boolean supportsNewStyle() {
    return (flags.value() & SUPPORTS_NEW_STYLE) != 0;
  }
}
