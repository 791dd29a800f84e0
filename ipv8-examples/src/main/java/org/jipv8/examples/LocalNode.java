package org.jipv8.examples;

import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;

/**
 * Configuration builders for nodes that run on this machine only: bound to 127.0.0.1, with a fresh
 * in-memory key, and (through {@code Ipv8Builder.loopbackOnly(true)}) unable to send anywhere but
 * loopback. Every example and the demo start from here.
 */
public final class LocalNode {
  private LocalNode() {}

  /** A builder for one overlay on 127.0.0.1:{@code port} (0: any free port). */
  public static ConfigBuilder config(int port) {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(port)
        .setPortAttempts(1, "UDPIPv4")
        .setLogLevel("WARNING")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, "");
  }

  /** A RandomWalk up to {@code peers} peers. */
  public static WalkerConfig randomWalk(int peers) {
    return WalkerConfig.of("RandomWalk", peers, Map.of("timeout", 3.0));
  }

  /** A bootstrapper asking the local tracker at 127.0.0.1:{@code port} every few seconds. */
  public static BootstrapperConfig tracker(int port) {
    return BootstrapperConfig.of(
        "DispersyBootstrapper",
        Map.of("ip_addresses", List.of(List.of("127.0.0.1", port)), "bootstrap_timeout", 2.0));
  }
}
