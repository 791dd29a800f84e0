package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/** New-style introduction-response (233); flag 0x80 = intro_supports_new_style. */
@Message(id = 233)
public record NewIntroductionResponsePayload(
    @Format("ip_address") Address destinationAddress,
    @Format("ip_address") Address sourceLanAddress,
    @Format("ip_address") Address sourceWanAddress,
    @Format("ip_address") Address lanIntroductionAddress,
    @Format("ip_address") Address wanIntroductionAddress,
    @Format("H") int identifier,
    Bits flags,
    @Format("raw") byte[] extraBytes)
    implements IntroductionResponse {

  /** The introduced peer speaks new style. */
  public static final int INTRO_SUPPORTS_NEW_STYLE = 0x80;

  /** A new-style response always comes from a new-style peer. */
  @Override
  public boolean supportsNewStyle() {
    return true;
  }

  /** Whether the introduced peer is new-style capable. */
  @Override
  public boolean introSupportsNewStyle() {
    return (flags.value() & INTRO_SUPPORTS_NEW_STYLE) != 0;
  }
}
