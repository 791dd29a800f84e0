package org.jipv8.api.bootstrap;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.Overlay;
import reactor.core.publisher.Mono;

/**
 * Finds the first peers of a community (py-ipv8's {@code Bootstrapper}).
 *
 * <p>Contract: the constructor does no I/O; {@link #initialize} is idempotent and answers false
 * rather than failing when the service is unavailable; {@link #getAddresses} never waits longer
 * than its timeout; addresses in {@link #blacklist()} are never treated as peers.
 */
public interface Bootstrapper {

  /** Whether {@link #initialize} has been started. */
  boolean isInitialized();

  /** Connects to the bootstrap service; emits false when it is unavailable. */
  Mono<Boolean> initialize(Overlay overlay);

  /** Addresses to walk to (possibly none: some bootstrappers walk by themselves). */
  Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout);

  /** Keeps the bootstrap service aware of us (called now and then while we have peers). */
  void keepAlive(Overlay overlay);

  /** Addresses that belong to bootstrap servers and must never become peers. */
  List<Address> blacklist();

  /** Releases resources. */
  Mono<Void> unload();
}
