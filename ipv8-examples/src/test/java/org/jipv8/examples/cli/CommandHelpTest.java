package org.jipv8.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What a user sees before running anything: help, version and mistakes. */
class CommandHelpTest {
  private final CliRun cli = new CliRun();

  @Test
  void everyDescriptionIsMadeOfWholeSentences() {
    CommandLine cl = Main.commandLine();
    check("ipv8", cl);
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      if (!sub.getKey().equals("help")) {
        check(sub.getKey(), sub.getValue());
      }
    }
  }

  private static void check(String name, CommandLine cl) {
    String[] description = cl.getCommandSpec().usageMessage().description();
    assertTrue(description.length > 0, name + " has no description");
    for (String line : description) {
      // The command list shows the first element: it must be a whole sentence on its own.
      assertTrue(line.endsWith("."), name + ": not a whole sentence: " + line);
      assertTrue(Character.isUpperCase(line.charAt(0)), name + ": " + line);
    }
    // bench is the perf tool's own; its options keep their terse style.
    for (OptionSpec option :
        name.equals("bench") ? List.<OptionSpec>of() : cl.getCommandSpec().options()) {
      String text = String.join(" ", option.description());
      assertTrue(
          text.endsWith(".") || text.endsWith(".)"),
          name + " " + option.longestName() + ": not a sentence: " + text);
    }
  }

  @Test
  void theCommandListShowsWholeFirstSentences() {
    assertEquals(0, cli.run("--help"));
    String help = cli.out();
    for (String sub : new String[] {"demo", "tracker", "node", "config", "interop", "bench"}) {
      assertTrue(help.contains("  " + sub + " "), help);
    }
    assertFalse(help.contains("shared/interop"), help);
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    assertEquals(0, cli.run("-V"));
    String v = cli.out().strip();
    assertTrue(v.matches("jipv8 \\d+\\.\\d+\\.\\d+.*"), "'" + v + "'");
  }

  @Test
  void anUnknownCommandListsTheCommandsAndTheNearestOne() {
    assertEquals(2, cli.run("nod"));
    String e = cli.err().strip();
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.contains("unknown command 'nod'"), e);
    assertTrue(e.contains("did you mean 'node'?"), e);
    assertTrue(e.contains("commands: demo, tracker, node, config, interop"), e);
  }

  @Test
  void interopHelpNamesNoFileOutsideTheRepository() {
    assertEquals(0, cli.run("interop", "--help"));
    assertFalse(cli.out().contains("shared/"), cli.out());
    assertTrue(cli.out().contains("--host"), cli.out());
  }

  @Test
  void nodeSecondsMustBePositive() {
    for (String s : new String[] {"0", "-1"}) {
      StringWriter e = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(e));
      assertEquals(2, cl.execute("node", "--config", "x.json", "--seconds", s));
      assertTrue(e.toString().contains("--seconds must be at least 1"), e.toString());
    }
  }

  @Test
  void anUnknownLogLevelIsAOneLineError() {
    assertEquals(2, cli.run("config", "--defaults", "--log-level", "LOUD"));
    assertTrue(cli.err().contains("unknown log level 'LOUD'"), cli.err());
    assertEquals(1, cli.err().strip().lines().count(), cli.err());
  }
}
