package org.jipv8.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipv8} command line: {@code demo}, {@code tracker}, {@code node}, {@code config},
 * {@code interop} and {@code bench}. Bad arguments print one line on stderr and exit with code 2;
 * other failures print one line and exit with code 1.
 */
@Command(
    name = "ipv8",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "IPv8 for the JVM: run a local demo network, a bootstrap server, a node or an interop node.",
      "Run 'ipv8 COMMAND --help' for the options of a command."
    },
    subcommands = {
      DemoCommand.class,
      TrackerCommand.class,
      NodeCommand.class,
      ConfigCommand.class,
      InteropCommand.class,
      org.jipv8.examples.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the build ({@code jipv8-version.properties}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"jipv8 " + version()};
    }

    static String version() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/jipv8-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        return "(unknown version)";
      }
      String v = p.getProperty("version", "");
      return v.isBlank() || v.startsWith("$") ? "(unknown version)" : v;
    }
  }

  /** A command line with jipv8's error handling (one line, exit code 2). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("ipv8: " + oneLine(ex));
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("ipv8: " + ex.getMessage());
            return 2;
          }
          String message =
              ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
          commandLine.getErr().println("ipv8: " + message.lines().findFirst().orElse(message));
          return 1;
        });
    return cl;
  }

  private static String oneLine(CommandLine.ParameterException ex) {
    CommandLine where = ex.getCommandLine();
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && where.getParent() == null
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")) {
      List<String> commands = new ArrayList<>(where.getSubcommands().keySet());
      List<String> close = u.getSuggestions();
      return "unknown command '"
          + u.getUnmatched().get(0)
          + "'"
          + (close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)")
          + "; commands: "
          + String.join(", ", commands);
    }
    return ex.getMessage().lines().findFirst().orElse("bad arguments");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
