package org.jipv8.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code ipv8 bench}: for every run, the signature limits (a child on the receiver's core),
 * then every mode with a fresh receiver JVM and a fresh sender JVM, each pinned to its own core
 * when the machine allows. The receiver starts first and reports its port; both get START, MARK
 * after the warm-up and STOP after the window. The receiver reports its own process CPU between the
 * MARK and STOP it saw (the window of its handled count); the sender's CPU is read from outside at
 * MARK and STOP. Blocking: meant for the command line's main thread.
 */
public final class BenchRunner {
  private final BenchOptions options;
  private final PrintStream progress;
  private final Cores cores;
  private List<String> childJvmArgs;

  /**
   * @param progress where one line per finished mode goes (e.g. stderr), or null for none
   */
  public BenchRunner(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
    this.cores = Cores.choose(options.pin());
    this.childJvmArgs = options.jvmArgs();
  }

  /** The options every child JVM gets before its class path (after {@link #run}: the archive). */
  List<String> childJvmOptions() {
    return childJvmArgs;
  }

  /** Which cores the children run on (-1: not pinned). */
  Cores cores() {
    return cores;
  }

  /** Every run; fails with an {@link IOException} naming the child that misbehaved. */
  public List<RunResult> run() throws IOException, InterruptedException {
    if (options.cds()) {
      List<String> args = new ArrayList<>(options.jvmArgs());
      CdsArchive.ensure(options.jvmArgs(), progress)
          .ifPresent(a -> args.add("-XX:SharedArchiveFile=" + a));
      childJvmArgs = List.copyOf(args);
    }
    List<RunResult> runs = new ArrayList<>();
    for (int r = 0; r < options.runs(); r++) {
      Map<String, Object> limits = limits();
      Map<BenchMode, ModeRun> modes = new EnumMap<>(BenchMode.class);
      for (BenchMode mode : options.modes()) {
        ModeRun result = runMode(mode);
        modes.put(mode, result);
        if (progress != null) {
          progress.printf(
              "run %d/%d %-8s offered %,.0f/s handled %,.0f/s%n",
              r + 1,
              options.runs(),
              mode.key(),
              result.offeredPerSecond(),
              result.handledPerSecond());
        }
      }
      runs.add(
          new RunResult(
              modes,
              number(limits.get("verify_per_s")),
              number(limits.get("sign_per_s")),
              number(limits.get("verify_first_3_s_vs_warm")),
              number(limits.get("verify_engine_per_s"))));
    }
    return runs;
  }

  private Map<String, Object> limits() throws IOException, InterruptedException {
    double each = Math.max(0.25, Math.min(0.5, options.seconds() / 8));
    try (ChildProcess c =
        ChildProcess.start("limits", cores.receiver(), childJvmArgs, "limits", "" + each)) {
      return c.result();
    }
  }

  private ModeRun runMode(BenchMode mode) throws IOException, InterruptedException {
    try (ChildProcess rx =
        ChildProcess.start("receiver", cores.receiver(), childJvmArgs, "receiver", mode.key())) {
      String port = rx.expect("READY").strip();
      try (ChildProcess tx =
          ChildProcess.start(
              "sender",
              cores.sender(),
              childJvmArgs,
              "sender",
              mode.key(),
              port,
              Long.toString(options.rate()))) {
        tx.expect("READY");
        rx.send("START");
        tx.send("START");
        sleep(options.warmup());
        double rxCpu0 = rx.cpuSeconds();
        double txCpu0 = tx.cpuSeconds();
        rx.send("MARK");
        tx.send("MARK");
        sleep(options.seconds());
        tx.send("STOP");
        rx.send("STOP");
        double rxCpuOutside = rx.cpuSeconds() - rxCpu0;
        double txCpu = tx.cpuSeconds() - txCpu0;
        Map<String, Object> sent = tx.result();
        Map<String, Object> got = rx.result();
        // The receiver's own figure covers exactly its window of "handled".
        double rxCpu =
            got.get("cpu_s") instanceof Number n && n.doubleValue() > 0
                ? n.doubleValue()
                : rxCpuOutside;
        return new ModeRun(
            number(sent.get("sent")) / number(sent.get("window_s")),
            number(got.get("handled")) / number(got.get("window_s")),
            longs(got.get("drops")),
            txCpu,
            rxCpu,
            list(got.get("per_second")),
            number(got.get("window_s")),
            doubles(got.get("cpu_per_second")));
      }
    }
  }

  private static void sleep(double seconds) throws InterruptedException {
    long millis = Math.round(seconds * 1000);
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  private static Map<String, Long> longs(Object o) {
    Map<String, Long> out = new TreeMap<>();
    ((Map<?, ?>) o).forEach((k, v) -> out.put(k.toString(), ((Number) v).longValue()));
    return out;
  }

  private static List<Double> doubles(Object o) {
    List<Double> out = new ArrayList<>();
    for (Object v : (List<?>) o) {
      out.add(((Number) v).doubleValue());
    }
    return out;
  }

  private static List<Long> list(Object o) {
    List<Long> out = new ArrayList<>();
    for (Object v : (List<?>) o) {
      out.add(((Number) v).longValue());
    }
    return out;
  }
}
