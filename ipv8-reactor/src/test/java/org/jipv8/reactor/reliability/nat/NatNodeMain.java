package org.jipv8.reactor.reliability.nat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.jipv8.reactor.service.Ipv8;
import reactor.core.scheduler.Schedulers;

/**
 * One process of the NAT lab (run inside a network namespace by {@code NatTraversalTest} and {@code
 * scripts/nat/nat-lab.sh demo}). Prints one line per event on stdout:
 *
 * <pre>
 * READY &lt;local address&gt;
 * PEERS &lt;address&gt; ...                     (every second, node only)
 * HELLO &lt;UDP source address&gt; &lt;text&gt;        (a greeting arrived)
 * COUNTS puncture_request=N puncture=N        (every second, node only)
 * </pre>
 *
 * <p>Usage: {@code tracker <ip> <port>} or {@code node <ip> <port> <trackerIp:port> <name>}. The
 * loopback guard is off: the lab's addresses are the namespaces' own, and the lab has no route out
 * of them.
 */
public final class NatNodeMain {
  private NatNodeMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length == 3 && args[0].equals("tracker")) {
      UdpEndpoint endpoint =
          UdpEndpoint.builder()
              .host(args[1])
              .port(Integer.parseInt(args[2]))
              .loopbackGuard(LoopbackGuard.disabled())
              .build();
      BootstrapServer tracker = BootstrapServer.builder().endpoint(endpoint).build();
      tracker.start().block(Duration.ofSeconds(10));
      out.println("READY " + tracker.address());
      new CountDownLatch(1).await();
      return;
    }
    if (args.length != 5 || !args[0].equals("node")) {
      System.err.println("usage: tracker <ip> <port> | node <ip> <port> <trackerIp:port> <name>");
      System.exit(2);
    }
    String[] tracker = args[3].split(":");
    Ipv8Configuration config =
        ConfigBuilder.clean()
            .setAddress("0.0.0.0")
            .setPort(Integer.parseInt(args[2]))
            .setPortAttempts(1, "UDPIPv4")
            .setWalkerInterval(0.5)
            .setLogLevel("WARNING")
            .setWorkingDirectory(".")
            .addKey("me", KeyType.CURVE25519, "")
            .addOverlay(
                "NatCommunity",
                "me",
                List.of(WalkerConfig.of("RandomWalk", 5, Map.of("timeout", 3.0))),
                List.of(
                    BootstrapperConfig.of(
                        "DispersyBootstrapper",
                        Map.of(
                            "ip_addresses",
                            List.of(List.of(tracker[0], Integer.parseInt(tracker[1]))),
                            "bootstrap_timeout",
                            1.0))),
                Map.of(),
                List.of())
            .finalizeConfig();
    Ipv8 node =
        Ipv8.builder()
            .configuration(config)
            .overlay(NatCommunity.class, NatCommunity::new)
            .loopbackOnly(false)
            .build()
            .startNow(Duration.ofSeconds(10));
    NatCommunity community = node.getOverlay(NatCommunity.class);
    community.onHello(r -> out.println("HELLO " + r.source() + " " + r.payload().text()));
    out.println("READY " + node.endpoint().localAddress());
    String name = args[4];
    Schedulers.single()
        .schedulePeriodically(
            () ->
                node.protocolScheduler()
                    .schedule(
                        () -> {
                          List<Peer> peers = community.getPeers();
                          StringBuilder line = new StringBuilder("PEERS");
                          for (Peer p : peers) {
                            line.append(' ').append(p.address());
                            community.sendNow(p, new NatCommunity.Hello("hello from " + name));
                          }
                          out.println(line);
                          out.println(
                              "COUNTS puncture_request="
                                  + community.statistics().received(250).count()
                                  + " puncture="
                                  + community.statistics().received(249).count()
                                  + " introduction_response="
                                  + community.statistics().received(245).count());
                        }),
            1,
            1,
            java.util.concurrent.TimeUnit.SECONDS);
    new CountDownLatch(1).await();
  }
}
