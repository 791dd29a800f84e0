package org.jipv8.examples.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipv8 tracker}: a bootstrap server, until interrupted. */
@Command(
    name = "tracker",
    mixinStandardHelpOptions = true,
    description = "Runs a bootstrap server (tracker) that introduces members of every community.")
final class TrackerCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, description = "UDP port")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    }
    BootstrapServer server =
        BootstrapServer.builder()
            .endpoint(
                UdpEndpoint.builder()
                    .host(host)
                    .port(port)
                    .loopbackGuard(LoopbackGuard.fromEnvironment())
                    .build())
            .build();
    server.start().block(Duration.ofSeconds(10));
    System.err.println("bootstrap server listening on " + server.address() + " (Ctrl-C stops it)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop().block(Duration.ofSeconds(5));
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
