package org.jipv8.examples.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipv8 bench}: receiver and sender in two JVMs on loopback, one table or JSON. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the receive path of a node on 127.0.0.1, fed by a sender process.",
      "The receiver JVM and the sender JVM are each pinned to their own core when taskset is"
          + " available. Modes: raw (socket only, the ceiling), unsigned, signed (Ed25519) and"
          + " intro (introduction-requests answered with signed responses). Prints offered and"
          + " handled per second, drops by reason (KERNEL: the socket buffer), CPU seconds per side,"
          + " the handled rate of the first 3 s (and of the receiver's first 3 CPU seconds) against"
          + " the warm rate and, when paced (--rate), the receiver's CPU per message against one"
          + " signature check; with --json the issue-10 document. See docs/performance.md."
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "measured seconds per mode (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(
      names = "--warmup",
      paramLabel = "S",
      defaultValue = "0",
      description = "seconds of traffic before measuring (default ${DEFAULT-VALUE})")
  double warmup;

  @Option(
      names = "--runs",
      defaultValue = "1",
      description = "runs of every mode; medians are reported (default ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "datagrams per second offered; 0 floods (default ${DEFAULT-VALUE})")
  long rate;

  @Option(
      names = "--modes",
      split = ",",
      defaultValue = "raw,unsigned,signed,intro",
      description = "comma-separated modes (default ${DEFAULT-VALUE})")
  List<String> modes;

  @Option(names = "--json", description = "print the JSON document instead of the table")
  boolean json;

  @Option(names = "--no-pin", description = "do not pin receiver and sender to cores")
  boolean noPin;

  @Option(
      names = "--cds",
      description =
          "start the child JVMs with an AppCDS archive of their classes, built on first use in"
              + " <tmp>/jipv8-bench-cds/ (once per jar and JVM)")
  boolean cds;

  @Option(
      names = "--jvm-arg",
      paramLabel = "OPTION",
      description = "an extra option for the child JVMs (repeatable), e.g. -XX:+UseParallelGC")
  List<String> jvmArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<BenchMode> selected = new ArrayList<>();
    for (String m : modes) {
      BenchMode mode = BenchMode.fromKey(m);
      if (!selected.contains(mode)) {
        selected.add(mode);
      }
    }
    BenchOptions options =
        new BenchOptions(seconds, warmup, runs, rate, selected, json, !noPin, jvmArgs, cds);
    BenchRunner runner = new BenchRunner(options, json ? null : System.err);
    List<RunResult> results = runner.run();
    BenchReport report =
        new BenchReport(options, results, runner.cores(), runner.childJvmOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(BenchChild.json(report.json()));
    } else {
      out.print(report.table());
    }
    out.flush();
    return 0;
  }
}
