package org.jipv8.reactor.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;
import reactor.core.scheduler.Scheduler;

/**
 * Everything the service hands to an {@link OverlayFactory} when it creates an overlay (py-ipv8's
 * settings object).
 *
 * @param className the name the overlay was configured under
 * @param myPeer the identity (holds the private key); shared by every overlay using the same key
 * @param endpoint the node's endpoint, shared by all overlays
 * @param network the node's peer bookkeeping, shared by all overlays
 * @param protocolScheduler the single thread on which all overlay logic runs
 * @param verifyScheduler the bounded pool for signature checks
 * @param random the node's random source
 * @param initialize the configuration's {@code initialize} map (e.g. {@code max_peers})
 * @param bootstrappers the bootstrappers configured for this overlay
 * @param workingDirectory the configured working directory
 */
public record OverlayContext(
    String className,
    Peer myPeer,
    Endpoint endpoint,
    Network network,
    Scheduler protocolScheduler,
    Scheduler verifyScheduler,
    RandomGenerator random,
    Map<String, Object> initialize,
    List<Bootstrapper> bootstrappers,
    Path workingDirectory) {

  public OverlayContext {
    initialize = Map.copyOf(initialize);
    bootstrappers = List.copyOf(bootstrappers);
  }

  /** An integer setting from {@code initialize}, or {@code fallback}. */
  public int intSetting(String key, int fallback) {
    Object v = initialize.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == n.intValue()) {
      return n.intValue();
    }
    throw new IllegalArgumentException(
        "initialize." + key + " of " + className + " must be an integer, got " + v);
  }
}
