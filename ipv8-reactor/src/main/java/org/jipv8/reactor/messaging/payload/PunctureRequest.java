package org.jipv8.reactor.messaging.payload;

import org.jipv8.api.address.Address;

/**
 * What a puncture-request says, in either of its forms: old-style ({@link PunctureRequestPayload},
 * 250) or new-style ({@link NewPunctureRequestPayload}, 232). The wire layout stays the record's;
 * this only lets one handler serve both.
 */
public interface PunctureRequest {
  /** The walker's LAN address as the introducer knows it. */
  Address lanWalkerAddress();

  /** The walker's WAN address. */
  Address wanWalkerAddress();

  /** The identifier of the introduction-request this follows. */
  int identifier();

  /** Whether this is the new-style form (answered with a new-style puncture). */
  boolean newStyle();
}
