package org.jipv8.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ipv8} command line: {@code demo}, {@code tracker}, {@code node} and {@code interop}.
 * Bad arguments print one line on stderr and exit with code 2.
 */
@Command(
    name = "ipv8",
    mixinStandardHelpOptions = true,
    version = "jipv8 0.1.0",
    description =
        "IPv8 for the JVM: run a local demo network, a bootstrap server, a node or an interop node.",
    subcommands = {
      DemoCommand.class,
      TrackerCommand.class,
      NodeCommand.class,
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

  /** A command line with jipv8's error handling (one line, exit code 2). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println("ipv8: " + ex.getMessage().lines().findFirst().orElse("bad arguments"));
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("ipv8: " + ex.getMessage());
            return 2;
          }
          commandLine.getErr().println("ipv8: " + ex);
          return 1;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
