package org.jipv8.examples;

import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.reactor.service.Loopback;

/**
 * Kept for the example programs that still build configuration files by hand; everything here is
 * library API now ({@link Loopback}, {@code Ipv8.builder().loopback()}, {@code LocalTracker},
 * {@code Walkers}), so user code should call that instead of copying this class.
 */
public final class LocalNode {
  private LocalNode() {}

  /** {@link Loopback#configurationBuilder(int)}. */
  public static ConfigBuilder config(int port) {
    return Loopback.configurationBuilder(port);
  }

  /** {@link Loopback#randomWalk(int)}. */
  public static WalkerConfig randomWalk(int peers) {
    return Loopback.randomWalk(peers);
  }

  /** {@link Loopback#tracker(int)}. */
  public static BootstrapperConfig tracker(int port) {
    return Loopback.tracker(port);
  }
}
