package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;

/**
 * Old-style introduction-response (245).
 *
 * <p>Flags, most significant first: connection type (2 bits), dflag0, supports_new_style (always
 * set by py-ipv8), intro_supports_new_style, peer_limit_reached, dflag4, dflag5.
 */
@Message(id = 245)
public record IntroductionResponsePayload(
    @Format("ipv4") Address destinationAddress,
    @Format("ipv4") Address sourceLanAddress,
    @Format("ipv4") Address sourceWanAddress,
    @Format("ipv4") Address lanIntroductionAddress,
    @Format("ipv4") Address wanIntroductionAddress,
    Bits flags,
    @Format("H") int identifier,
    @Format("raw") byte[] extraBytes)
    implements IntroductionResponse {

  /** The responder speaks new style. */
  public static final int SUPPORTS_NEW_STYLE = 0x10;

  /** The introduced peer speaks new style. */
  public static final int INTRO_SUPPORTS_NEW_STYLE = 0x08;

  /** The responder has at least max_peers peers. */
  public static final int PEER_LIMIT_REACHED = 0x04;

  /** Whether the responder advertised new-style support. */
  @Override
  public boolean supportsNewStyle() {
    return (flags.value() & SUPPORTS_NEW_STYLE) != 0;
  }

  /** Whether the introduced peer is new-style capable. */
  @Override
  public boolean introSupportsNewStyle() {
    return (flags.value() & INTRO_SUPPORTS_NEW_STYLE) != 0;
  }

  /** Whether the responder is at its peer limit. */
  public boolean peerLimitReached() {
    return (flags.value() & PEER_LIMIT_REACHED) != 0;
  }
}
