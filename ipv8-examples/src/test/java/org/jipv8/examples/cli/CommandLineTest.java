package org.jipv8.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jipv8.examples.interop.InteropOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
  private final CliRun cli = new CliRun();

  @ParameterizedTest
  @ValueSource(strings = {"demo", "tracker", "node", "interop"})
  void everySubcommandHasHelp(String sub) {
    assertEquals(0, cli.run(sub, "--help"));
    assertTrue(cli.out().contains("Usage: ipv8 " + sub), cli.out());
  }

  @Test
  void topLevelHelpListsTheSubcommands() {
    assertEquals(0, cli.run("--help"));
    for (String sub : new String[] {"demo", "tracker", "node", "interop"}) {
      assertTrue(cli.out().contains(sub), cli.out());
    }
  }

  private void assertOneLineError(int code, String mentions) {
    assertEquals(2, code, cli.err());
    String e = cli.err().strip();
    assertEquals(1, e.lines().count(), "one line: " + e);
    assertTrue(e.contains(mentions), e);
  }

  @Test
  void unknownOptionIsAOneLineErrorWithCode2() {
    assertOneLineError(cli.run("demo", "--nodez", "3"), "--nodez");
  }

  @Test
  void nonNumericNodesIsAOneLineError() {
    assertOneLineError(cli.run("demo", "--nodes", "many"), "--nodes");
  }

  @Test
  void tooFewNodesIsRefused() {
    assertOneLineError(cli.run("demo", "--nodes", "1"), "--nodes");
  }

  @Test
  void targetAboveNodesIsRefused() {
    assertOneLineError(cli.run("demo", "--nodes", "3", "--target", "5"), "--target");
  }

  @Test
  void trackerNeedsAPort() {
    assertOneLineError(cli.run("tracker"), "--port");
  }

  @Test
  void trackerPortOutOfRangeIsRefused() {
    assertOneLineError(cli.run("tracker", "--port", "70000"), "--port");
  }

  @Test
  void nodeNeedsAConfigFile() {
    assertOneLineError(cli.run("node"), "--config");
  }

  @Test
  void aMissingConfigFileIsAOneLineError() {
    assertEquals(2, cli.run("node", "--config", "/nonexistent/ipv8.json"), cli.err());
    assertTrue(cli.err().contains("ipv8.json"), cli.err());
  }

  @Test
  void badCommunityIdIsRefused() {
    assertOneLineError(
        cli.run("interop", "--port", "0", "--community-id", "xyz"), "--community-id");
  }

  @Test
  void badWalkToIsRefused() {
    assertOneLineError(cli.run("interop", "--port", "0", "--walk-to", "nowhere"), "--walk-to");
  }

  @Test
  void interopOptionsAreParsedWithDefaults() {
    InteropCommand c = new InteropCommand();
    new CommandLine(c)
        .parseArgs("--port", "9000", "--walk-to", "127.0.0.1:9001", "--echo", "--send-count", "3");
    InteropOptions o = c.options();
    assertEquals(9000, o.port());
    assertEquals("696e7465726f702d746573742d636f6d6d6e7479", o.communityId().hex());
    assertEquals("127.0.0.1:9001", o.walkTo().get(0).toString());
    assertEquals(30_000, o.duration().toMillis());
    assertEquals(1_000, o.sendInterval().toMillis());
    assertEquals(3, o.sendCount());
    assertTrue(o.echo());
  }
}
