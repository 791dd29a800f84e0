package org.jipv8.reactor.service;

import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;

/**
 * Configuration pieces for nodes that run on this machine only: bound to 127.0.0.1, with a fresh
 * in-memory key (no key file is written), walking every half second. {@link Ipv8Builder#loopback()}
 * uses {@link #configuration()}; the methods returning configuration records serve the
 * configuration-file path (py-ipv8's schema) when a node also names overlays there.
 *
 * <p>Stateless and thread-safe. Every call returns a new object.
 */
public final class Loopback {
  /** The host every loopback node binds and every local tracker listens on. */
  public static final String HOST = "127.0.0.1";

  /** The key alias of {@link #configurationBuilder(int)}. */
  public static final String KEY_ALIAS = "me";

  private Loopback() {}

  /**
   * A configuration builder for one node on 127.0.0.1:{@code port} (0: any free port, one attempt),
   * with one fresh curve25519 key under {@link #KEY_ALIAS}, log level WARNING, walker interval 0.5
   * s and no overlays; add overlays before {@code finalizeConfig()}.
   */
  public static ConfigBuilder configurationBuilder(int port) {
    return ConfigBuilder.clean()
        .setAddress(HOST)
        .setPort(port)
        .setPortAttempts(1, InterfaceConfig.UDP_IPV4)
        .setLogLevel("WARNING")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey(KEY_ALIAS, KeyType.CURVE25519, "")
        .clearOverlays();
  }

  /** {@link #configurationBuilder(int)} on any free port, finalized, without overlays. */
  public static Ipv8Configuration configuration() {
    return configurationBuilder(0).finalizeConfig();
  }

  /** A configuration-file {@code RandomWalk} walker up to {@code targetPeers} peers. */
  public static WalkerConfig randomWalk(int targetPeers) {
    return WalkerConfig.of("RandomWalk", targetPeers, Map.of("timeout", 3.0));
  }

  /**
   * A configuration-file bootstrapper asking the local tracker at 127.0.0.1:{@code port}, at most
   * every {@link LocalTracker#BOOTSTRAP_INTERVAL}.
   */
  public static BootstrapperConfig tracker(int port) {
    return BootstrapperConfig.of(
        "DispersyBootstrapper",
        Map.of(
            "ip_addresses",
            List.of(List.of(HOST, port)),
            "bootstrap_timeout",
            LocalTracker.BOOTSTRAP_INTERVAL.toMillis() / 1000.0));
  }
}
