package org.jipv8.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.examples.tutorial.ClockCommunity;
import org.jipv8.reactor.config.LogLevels;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ipv8 node --config FILE} runs a node from a py-ipv8-style file (127.0.0.1 only). */
class NodeCommandTest {
  private static final String CONFIG =
      """
      {"interfaces": [{"interface": "UDPIPv4", "ip": "127.0.0.1", "port": 0}],
       "keys": [{"alias": "me", "generation": "curve25519", "file": "%s"}],
       "logger": {"level": "WARNING"}, "working_directory": ".", "walker_interval": 0.5,
       "overlays": [{"class": "ClockCommunity", "key": "me",
                     "walkers": [{"strategy": "RandomWalk", "peers": 10, "init": {"timeout": 3.0}}],
                     "bootstrappers": [], "initialize": {"max_peers": 30},
                     "on_start": [["startTalking"]]}]}
      """;

  @Test
  @Timeout(60)
  void aNodeRunsFromAJsonFileAndWritesItsKeyFile(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("ec_multichain.pem");
    Path file = dir.resolve("node.json");
    Files.writeString(file, CONFIG.formatted(key.toString().replace("\\", "\\\\")));
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(
        0, cl.execute("node", "--config", file.toString(), "--seconds", "1"), err.toString());
    assertTrue(Files.size(key) == 74, "a curve25519 key file in py-ipv8's format was written");
  }

  @Test
  void aBadConfigurationIsOneLineNamingThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file, CONFIG.formatted("").replace("\"walker_interval\"", "\"walker_intervall\""));
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("node", "--config", file.toString()));
    assertTrue(err.toString().contains("walker_intervall"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @Test
  @Timeout(60)
  void aNodePrintsItsStatusPeerEventsAndASummary(@TempDir Path dir) throws Exception {
    String before = System.getProperty(LogLevels.SIMPLE_LOGGER_PROPERTY);
    // A tracker introduces the command's node to another node (a bootstrap server is never a
    // peer itself: py-ipv8 keeps trackers out of the peer list).
    LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10));
    int trackerPort = tracker.address().port();
    Ipv8 other =
        Ipv8.builder()
            .configuration(
                Loopback.configurationBuilder(0)
                    .addOverlay(
                        "ClockCommunity",
                        "me",
                        List.of(Loopback.randomWalk(10)),
                        List.of(Loopback.tracker(trackerPort)),
                        Map.of(),
                        List.of())
                    .finalizeConfig())
            .overlay(ClockCommunity.class, ClockCommunity::new)
            .loopbackOnly(true)
            .build()
            .startNow(Duration.ofSeconds(10));
    try {
      int port = trackerPort;
      Path file = dir.resolve("node.yaml");
      Files.writeString(
          file,
          """
          interfaces: [{interface: UDPIPv4, ip: 127.0.0.1, port: 0}]
          keys: [{alias: me}]
          logger: {level: WARNING}
          overlays:
          - class: ClockCommunity
            key: me
            walkers: [{strategy: RandomWalk, peers: 10}]
            bootstrappers:
            - class: DispersyBootstrapper
              init: {ip_addresses: [[127.0.0.1, %d]], bootstrap_timeout: 1.0}
          """
              .formatted(port));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      assertEquals(0, cl.execute("node", "--config", file.toString(), "--seconds", "6", "-v"));
      String text = out.toString();
      assertTrue(text.contains("node running on 127.0.0.1:"), text);
      assertTrue(text.contains("] ClockCommunity "), "a status line: " + text);
      assertTrue(
          text.contains("+ peer ") && text.contains("found at 127.0.0.1:"), "event: " + text);
      assertTrue(text.contains("summary after"), text);
      assertTrue(text.contains("drops by reason:"), text);
    } finally {
      other.stopNow(Duration.ofSeconds(10));
      tracker.close();
      if (before == null) {
        System.clearProperty(LogLevels.SIMPLE_LOGGER_PROPERTY);
      } else {
        System.setProperty(LogLevels.SIMPLE_LOGGER_PROPERTY, before);
      }
    }
  }

  @Test
  @Timeout(60)
  void aTakenPortNamesTheConfigurationKeysNotTheJavaApi(@TempDir Path dir) throws Exception {
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      Path file = dir.resolve("node.json");
      Files.writeString(
          file,
          """
          {"interfaces": [{"interface": "UDPIPv4", "ip": "127.0.0.1", "port": %d}],
           "keys": [{"alias": "me"}], "overlays": []}
          """
              .formatted(taken.getLocalPort()));
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      assertEquals(2, cl.execute("node", "--config", file.toString(), "--seconds", "1"));
      String e = err.toString();
      assertTrue(e.contains("cannot bind UDP socket to 127.0.0.1:" + taken.getLocalPort()), e);
      assertTrue(e.contains("interfaces[].port") && e.contains("jipv8_port_attempts"), e);
      assertTrue(!e.contains("UdpEndpoint.builder") && !e.contains("Exception"), e);
      assertEquals(1, e.strip().lines().count(), e);
    }
  }

  @Test
  @Timeout(60)
  void aTakenTrackerPortNamesTheFlag() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err));
      int code =
          cl.execute("tracker", "--port", String.valueOf(taken.getLocalPort()), "--seconds", "1");
      String e = err.toString();
      assertEquals(2, code, e);
      assertTrue(e.contains("cannot bind UDP socket to 127.0.0.1:" + taken.getLocalPort()), e);
      assertTrue(e.contains("--port"), e);
      assertTrue(!e.contains("UdpEndpoint.builder"), e);
    }
  }

  @Test
  @Timeout(60)
  void aTrackerPrintsItsStatusAndASummary() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("tracker", "--port", "0", "--seconds", "1"));
    assertTrue(out.toString().contains("bootstrap server listening on 127.0.0.1:"), out.toString());
    assertTrue(out.toString().contains("] members 0, introductions 0"), out.toString());
    assertTrue(out.toString().contains("summary after"), out.toString());
  }
}
