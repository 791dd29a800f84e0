package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;

/**
 * What an introduction-response says, in either of its forms: old-style ({@link
 * IntroductionResponsePayload}, 245) or new-style ({@link NewIntroductionResponsePayload}, 233).
 * The wire layout stays the record's; this only lets one handler serve both.
 */
public interface IntroductionResponse {
  /** Our address as the responder saw it. */
  Address destinationAddress();

  /** The responder's WAN address. */
  Address sourceWanAddress();

  /** The introduced peer's LAN address, or {@link Address#NULL}. */
  Address lanIntroductionAddress();

  /** The introduced peer's WAN address, or {@link Address#NULL}. */
  Address wanIntroductionAddress();

  /** The identifier of the request this answers. */
  int identifier();

  /** Whether the responder speaks new style (always true for the new-style form). */
  boolean supportsNewStyle();

  /** Whether the introduced peer speaks new style. */
  boolean introSupportsNewStyle();
}
