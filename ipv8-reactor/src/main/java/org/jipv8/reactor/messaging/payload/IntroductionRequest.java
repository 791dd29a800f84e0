package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;

/**
 * What an introduction-request says, in either of its forms: old-style ({@link
 * IntroductionRequestPayload}, 246) or new-style ({@link NewIntroductionRequestPayload}, 234). The
 * wire layout stays the record's; this only lets one handler serve both.
 */
public interface IntroductionRequest {
  /** The address the requester sent the request to. */
  Address destinationAddress();

  /** The requester's LAN address. */
  Address sourceLanAddress();

  /** The identifier the response must carry. */
  int identifier();

  /** Whether the requester speaks new style (always true for the new-style form). */
  boolean supportsNewStyle();
}
