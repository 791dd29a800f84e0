package org.jipv8.reactor.service;

import org.jipv8.reactor.community.DiscoveryCommunity;

/** The overlays every node can name in its configuration. */
final class BuiltinOverlays {
  private BuiltinOverlays() {}

  static void register(Ipv8Builder builder) {
    builder.overlay(DiscoveryCommunity.class, DiscoveryCommunity::new);
  }
}
