package org.jipv8.examples.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipv8 tracker}: a bootstrap server, until interrupted. */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a bootstrap server (tracker) that introduces the members of every community.",
      "Point nodes at it with a DispersyBootstrapper whose ip_addresses holds this host and port."
          + " While it runs it prints a status line (members, introductions, datagrams, drops by"
          + " reason) and at exit a summary."
    })
final class TrackerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--port",
      required = true,
      paramLabel = "PORT",
      description = "The UDP port to listen on, 0..65535 (0: any free port).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "IP",
      description = "The address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description = "Stop after N seconds (at least 1). Default: run until Ctrl-C.")
  Integer seconds;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    }
    if (seconds != null && seconds < 1) {
      throw new IllegalArgumentException("--seconds must be at least 1, got " + seconds);
    }
    UdpEndpoint endpoint =
        UdpEndpoint.builder()
            .host(host)
            .port(port)
            .loopbackGuard(LoopbackGuard.fromEnvironment())
            .build();
    BootstrapServer server = BootstrapServer.builder().endpoint(endpoint).build();
    try {
      server.start().block(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      String bind = BindErrors.describe(e, BindErrors.FLAGS);
      if (bind != null) {
        throw new IllegalArgumentException(bind, e);
      }
      throw e;
    }
    var out = spec.commandLine().getOut();
    out.println(
        "bootstrap server listening on "
            + server.address()
            + (seconds == null ? " (Ctrl-C stops it)" : " for " + seconds + " s"));
    out.flush();
    TrackerMonitor monitor = new TrackerMonitor(server, endpoint.statistics(), log.verbosity > 0);
    LiveStatus status = new LiveStatus(monitor, out, log.quiet, System.console() != null);
    Interruption.runUntilStopped(
        stopped -> status.run(stopped, seconds == null ? null : Duration.ofSeconds(seconds)),
        () -> server.stop().block(Duration.ofSeconds(10)));
    return 0;
  }
}
