package org.jipv8.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
