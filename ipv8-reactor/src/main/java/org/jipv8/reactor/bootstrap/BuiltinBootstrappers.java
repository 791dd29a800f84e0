package org.jipv8.reactor.bootstrap;

import java.util.Map;

/** The bootstrappers known by name in configuration files. */
public final class BuiltinBootstrappers {
  /** py-ipv8's name for {@link DispersyBootstrapper}. */
  public static final String DISPERSY = "DispersyBootstrapper";

  /** py-ipv8's name for {@link UdpBroadcastBootstrapper}. */
  public static final String UDP_BROADCAST = "UDPBroadcastBootstrapper";

  private BuiltinBootstrappers() {}

  /** Name to factory; DNS names resolve with {@code resolver}. */
  public static Map<String, BootstrapperFactory> all(DnsResolver resolver) {
    return Map.of(
        DISPERSY,
        init -> DispersyBootstrapper.fromInit(init, resolver),
        UDP_BROADCAST,
        UdpBroadcastBootstrapper::fromInit);
  }
}
