package org.jipv8.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.reactor.config.ConfigurationLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipv8 config --defaults} and {@code ipv8 config --check FILE}. */
class ConfigCommandTest {
  private final CliRun cli = new CliRun();

  @Test
  void defaultsPrintPyIpv8sDefaultsThatThisCommandLineCanRun() {
    assertEquals(0, cli.run("config", "--defaults"));
    Ipv8Configuration cfg = ConfigurationLoader.fromJson(cli.out());
    assertEquals(Ipv8Configuration.defaults().interfaces(), cfg.interfaces());
    assertEquals(
        java.util.List.of("DiscoveryCommunity", "DHTDiscoveryCommunity"),
        cfg.overlays().stream().map(o -> o.className()).toList());
    assertTrue(cli.err().contains("left out overlay HiddenTunnelCommunity"), cli.err());
    assertTrue(
        ConfigurationLoader.checkText(cli.out(), true, CliOverlays.registry()).ok(),
        "the printed defaults pass --check");
  }

  @Test
  void defaultsAsYamlLoadBack() {
    assertEquals(0, cli.run("config", "--defaults", "--format", "yaml"));
    Ipv8Configuration cfg = ConfigurationLoader.fromYaml(cli.out());
    assertEquals(0.5, cfg.walkerInterval());
  }

  @Test
  void checkPrintsEveryProblemAtOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        """
        {"interfaces": [{"interface": "UDPIPv4", "ip": "127.0.0.1", "port": 70000}],
         "logger": {"level": "LOUD"}, "walker_intervall": 0.5,
         "keys": [{"alias": "me"}],
         "overlays": [{"class": "ClockCommunity", "key": "me",
           "walkers": [{"strategy": "RandomWalk", "init": {"timout": 3.0}}],
           "bootstrappers": [{"class": "DispersyBootstrapper",
                              "init": {"ip_addresses": [["localhost", 18000]]}}],
           "initialize": {"max_peer": 3},
           "on_start": ["startTalking"]}]}
        """);
    assertEquals(2, cli.run("config", "--check", file.toString()));
    String text = cli.out();
    for (String path :
        new String[] {
          "walker_intervall",
          "interfaces[0].port",
          "logger.level",
          "overlays[0].walkers[0].init.timout",
          "overlays[0].bootstrappers[0].init.ip_addresses[0][0]",
          "overlays[0].on_start[0]",
          "overlays[0].initialize.max_peer"
        }) {
      assertTrue(text.contains("at " + path + ":"), path + " not in\n" + text);
    }
    assertTrue(text.contains("7 problems"), text);
    assertTrue(text.contains("did you mean 'walker_interval'?"), text);
    assertTrue(text.contains("  overlays[0].walkers[0].peers = 20"), text);
  }

  @Test
  void aValidFileIsOkAndListsWhatWasDefaulted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.yaml");
    Files.writeString(
        file,
        """
        interfaces: [{interface: UDPIPv4, ip: 127.0.0.1, port: 0}]
        keys: [{alias: me}]
        overlays: [{class: ClockCommunity, key: me, initialize: {max_peers: 10}}]
        """);
    assertEquals(0, cli.run("config", "--check", file.toString()), cli.out());
    String text = cli.out();
    assertTrue(text.contains(file + ": OK"), text);
    assertTrue(text.contains("  logger = {\"level\": \"INFO\"}"), text);
    assertTrue(text.contains("  walker_interval = 0.5"), text);
    assertTrue(text.contains("  keys[0].generation = \"curve25519\""), text);
  }

  @Test
  void anUnknownInitializeKeyNamesTheNearestSetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("typo.json");
    Files.writeString(
        file,
        """
        {"interfaces": [{"interface": "UDPIPv4", "ip": "127.0.0.1", "port": 0}],
         "keys": [{"alias": "me"}],
         "overlays": [{"class": "ClockCommunity", "key": "me", "initialize": {"max_peer": 3}}]}
        """);
    assertEquals(2, cli.run("config", "--check", file.toString()));
    assertTrue(cli.out().contains("at overlays[0].initialize.max_peer:"), cli.out());
    assertTrue(cli.out().contains("did you mean 'max_peers'?"), cli.out());
  }
}
