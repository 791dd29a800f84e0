package org.jipv8.reactor.community;

import org.jipv8.api.address.Address;

/**
 * An overlay that exchanges similarity requests (the DiscoveryCommunity); used by {@code
 * PeriodicSimilarity}.
 */
public interface SimilarityOverlay extends NetworkOverlay {

  /** Sends one similarity-request per local identity to {@code address}. */
  void sendSimilarityRequest(Address address);
}
