package org.jipv8.reactor.service;

import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.dht.DHTCommunity;
import org.jipv8.reactor.dht.DHTDiscoveryCommunity;

/** The overlays every node can name in its configuration. */
final class BuiltinOverlays {
  private BuiltinOverlays() {}

  static void register(Ipv8Builder builder) {
    builder.overlay(DiscoveryCommunity.class, DiscoveryCommunity::new);
    builder.overlay(DHTCommunity.class, DHTCommunity::new);
    builder.overlay(DHTDiscoveryCommunity.class, DHTDiscoveryCommunity::new);
  }
}
