package org.jipv8.api.config;

/** The bootstrapper names py-ipv8 knows (its configuration's {@code Bootstrapper} enum). */
public enum BootstrapperName {
  /** Walks to a fixed list of bootstrap servers (trackers). */
  DISPERSY_BOOTSTRAPPER("DispersyBootstrapper"),
  /** Finds peers on the local network by UDP broadcast. */
  UDP_BROADCAST_BOOTSTRAPPER("UDPBroadcastBootstrapper");

  private final String configName;

  BootstrapperName(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration files. */
  public String configName() {
    return configName;
  }
}
