package org.jipv8.reactor.community;

import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;

/**
 * The old-style introduction messages as every IPv8 node builds them, shared by a community's
 * introduction protocol and the bootstrap server: the 246 request (flags {@code 0x01}, "advice"),
 * the 245 response and the 250/232 puncture-request.
 *
 * <p>Pure functions; thread-safe. Arguments are non-null ({@link Address#NULL} for "none").
 */
public final class IntroductionMessages {
  private IntroductionMessages() {}

  /** An old-style (246) introduction-request asking for an introduction. */
  public static IntroductionRequestPayload request(
      Address destination, Address lan, Address wan, int identifier, byte[] extra) {
    return new IntroductionRequestPayload(
        destination, lan, wan, new Bits(IntroductionRequestPayload.ADVICE), identifier, extra);
  }

  /**
   * An old-style (245) introduction-response.
   *
   * @param flags the {@code IntroductionResponsePayload} flag bits
   */
  public static IntroductionResponsePayload response(
      Address requester,
      Address lan,
      Address wan,
      Address introLan,
      Address introWan,
      int flags,
      int identifier,
      byte[] extra) {
    return new IntroductionResponsePayload(
        requester, lan, wan, introLan, introWan, new Bits(flags), identifier, extra);
  }

  /**
   * The puncture-request sent to an introduced peer: new-style (232) or old-style (250).
   *
   * @param lanWalker the walker's LAN address as the introducer knows it
   * @param wanWalker the walker's WAN address
   */
  public static Record punctureRequest(
      Address lanWalker, Address wanWalker, int identifier, boolean newStyle) {
    return newStyle
        ? new NewPunctureRequestPayload(lanWalker, wanWalker, identifier)
        : new PunctureRequestPayload(lanWalker, wanWalker, identifier);
  }
}
