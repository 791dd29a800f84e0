package org.jipv8.reactor.service;

/** The overlays every node can name in its configuration. */
final class BuiltinOverlays {
  private BuiltinOverlays() {}

  static void register(Ipv8Builder builder) {
    // TODO(community): register DiscoveryCommunity once the community package provides it.
  }
}
