package org.jipv8.reactor.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.bootstrap.DispersyBootstrapper;
import org.jipv8.reactor.bootstrap.DnsResolver;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A bootstrap server (tracker) on this machine, for nodes that should find each other without the
 * public trackers: every node asks it, it introduces them to each other.
 *
 * <pre>{@code
 * try (LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(5))) {
 *   OverlayDefinition<MyCommunity> mine =
 *       OverlayDefinition.of(MyCommunity.class, MyCommunity::new)
 *           .walker(Walkers.randomWalk(10))
 *           .bootstrapper(tracker::bootstrapper);
 *   ...
 * }
 * }</pre>
 *
 * <p>The tracker listens on 127.0.0.1 with the loopback guard on, runs on a daemon thread of its
 * own (it never keeps the JVM alive) and releases its socket and thread on {@link #stop()} or
 * {@link #close()}. Methods are safe from any thread.
 */
public final class LocalTracker implements AutoCloseable {
  /** How often a node's bootstrapper asks the local tracker at most. */
  public static final Duration BOOTSTRAP_INTERVAL = Duration.ofSeconds(2);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final BootstrapServer server;
  private final Scheduler ownScheduler;

  private LocalTracker(BootstrapServer server, Scheduler ownScheduler) {
    this.server = server;
    this.ownScheduler = ownScheduler;
  }

  /** A tracker on 127.0.0.1, on a port the system picks; lazy, as the endpoint's bind. */
  public static Mono<LocalTracker> start() {
    return start(0);
  }

  /**
   * A tracker on 127.0.0.1:{@code port} (0: any free port). Errors with the endpoint's bind error
   * (for example a taken port), having released its thread.
   */
  public static Mono<LocalTracker> start(int port) {
    return Mono.defer(
        () -> {
          Endpoint endpoint =
              UdpEndpoint.builder()
                  .host(Loopback.HOST)
                  .port(port)
                  .loopbackGuard(LoopbackGuard.enabled())
                  .build();
          Scheduler scheduler = Schedulers.newSingle("ipv8-tracker", true);
          return on(endpoint, scheduler, scheduler);
        });
  }

  /** {@link #start()} and wait at most {@code timeout}. */
  public static LocalTracker startNow(Duration timeout) {
    return Objects.requireNonNull(start().block(timeout), "start");
  }

  /**
   * A tracker on an endpoint of your choice (a simulated one in tests) whose state lives on {@code
   * scheduler} (a {@code VirtualTimeScheduler} in tests); neither is disposed by this tracker
   * except that {@link #stop()} closes the endpoint.
   */
  public static Mono<LocalTracker> on(Endpoint endpoint, Scheduler scheduler) {
    return on(endpoint, scheduler, null);
  }

  private static Mono<LocalTracker> on(Endpoint endpoint, Scheduler scheduler, Scheduler owned) {
    BootstrapServer server =
        BootstrapServer.builder().endpoint(endpoint).scheduler(scheduler).build();
    return server
        .start()
        .thenReturn(new LocalTracker(server, owned))
        .onErrorResume(
            e -> {
              if (owned != null) {
                owned.dispose();
              }
              return Mono.error(e);
            });
  }

  /** Where the tracker listens. */
  public Address address() {
    return server.address();
  }

  /**
   * A new bootstrapper that asks this tracker at most every {@link #BOOTSTRAP_INTERVAL}; a new one
   * per call, because a bootstrapper belongs to one overlay.
   */
  public DispersyBootstrapper bootstrapper() {
    return new DispersyBootstrapper(
        List.of(address()), List.of(), BOOTSTRAP_INTERVAL, DnsResolver.system());
  }

  /** The same bootstrapper as a configuration-file entry ({@code overlays[].bootstrappers[]}). */
  public BootstrapperConfig bootstrapperConfig() {
    return Loopback.tracker(address().port());
  }

  /** The bootstrap server itself (members, drops, counters). */
  public BootstrapServer server() {
    return server;
  }

  /** Stops answering, closes the socket and ends the tracker's thread. Completes when done. */
  public Mono<Void> stop() {
    return server
        .stop()
        .doFinally(
            s -> {
              if (ownScheduler != null) {
                ownScheduler.dispose();
              }
            });
  }

  /** {@link #stop()}, waiting at most 10 s. */
  @Override
  public void close() {
    stop().block(CLOSE_TIMEOUT);
  }

  @Override
  public String toString() {
    return "LocalTracker[" + address() + "]";
  }
}
