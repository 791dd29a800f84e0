package org.jipv8.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Medians over the runs of an {@code ipv8 bench}, as the JSON document of issue 10 ({@code modes},
 * {@code limits}) or as a table with min-max and the targets' ratios.
 */
public final class BenchReport {
  private final BenchOptions options;
  private final List<RunResult> runs;
  private final Cores cores;
  private final List<String> childJvmOptions;

  BenchReport(BenchOptions options, List<RunResult> runs, Cores cores) {
    this(options, runs, cores, options.jvmArgs());
  }

  BenchReport(
      BenchOptions options, List<RunResult> runs, Cores cores, List<String> childJvmOptions) {
    this.options = options;
    this.runs = List.copyOf(runs);
    this.cores = cores;
    this.childJvmOptions = List.copyOf(childJvmOptions);
  }

  /**
   * {@code {"modes": {mode: {"offered_per_s", "handled_per_s", "drops", "cpu_s": {"sender",
   * "receiver"}, "per_second"}}, "limits": {"verify_per_s", "sign_per_s"}}}, medians over the runs.
   * Added to issue 10's fields: {@code "cpu_per_second"} (the receiver's CPU seconds in each second
   * of {@code per_second}), {@code "first_3_s_vs_warm"} and {@code "first_3_cpu_s_vs_warm"} (see
   * {@link WarmUp}, null when unknown). A paced run ({@code --rate}) adds {@code
   * "cpu_per_message_vs_verify"} to every mode: the receiver's CPU seconds per handled message over
   * the cost of one verification ({@code 1 / verify_per_s}), null when nothing was handled. In
   * {@code "limits"}, {@code "verify_first_3_s_vs_warm"}: the signature check alone in the first
   * seconds of a fresh JVM on the receiver's core against its warm rate (see {@link
   * SignatureLimits}), the bound for a mode's own {@code first_3_s_vs_warm}, and {@code
   * "verify_engine_per_s"}: the engine's own verify rate for a key it has seen before.
   */
  public Map<String, Object> json() {
    Map<String, Object> modes = new LinkedHashMap<>();
    for (BenchMode mode : options.modes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("offered_per_s", Math.round(stat(mode, ModeRun::offeredPerSecond).median()));
      m.put("handled_per_s", Math.round(stat(mode, ModeRun::handledPerSecond).median()));
      m.put("drops", drops(mode));
      Map<String, Object> cpu = new LinkedHashMap<>();
      cpu.put("sender", round2(stat(mode, ModeRun::cpuSender).median()));
      cpu.put("receiver", round2(stat(mode, ModeRun::cpuReceiver).median()));
      m.put("cpu_s", cpu);
      m.put("per_second", perSecond(mode));
      m.put("cpu_per_second", cpuPerSecond(mode));
      m.put("first_3_s_vs_warm", finite3(perRun(mode, (r, x) -> WarmUp.wall(x)).median()));
      m.put("first_3_cpu_s_vs_warm", finite3(perRun(mode, (r, x) -> WarmUp.perCpu(x)).median()));
      if (paced()) {
        double vs = perRun(mode, BenchReport::cpuPerMessageVsVerify).median();
        m.put("cpu_per_message_vs_verify", finite3(vs));
      }
      modes.put(mode.key(), m);
    }
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("verify_per_s", Math.round(limit(RunResult::verifyPerSecond).median()));
    limits.put("sign_per_s", Math.round(limit(RunResult::signPerSecond).median()));
    limits.put(
        "verify_first_3_s_vs_warm", finite3(limit(RunResult::verifyFirstSecondsVsWarm).median()));
    limits.put("verify_engine_per_s", Math.round(limit(RunResult::engineVerifyPerSecond).median()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modes", modes);
    out.put("limits", limits);
    return out;
  }

  /** The human-readable report: one row per mode, medians with min-max, then the targets. */
  public String table() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "jipv8 bench: %d run(s) x %s s (warm-up %s s), %s, %s, %d processors%n",
            runs.size(),
            trim(options.seconds()),
            trim(options.warmup()),
            options.rate() > 0 ? "paced at " + options.rate() + "/s" : "flood",
            cores.pinned()
                ? "receiver on cpu " + cores.receiver() + ", sender on cpu " + cores.sender()
                : "not pinned",
            Runtime.getRuntime().availableProcessors()));
    if (!childJvmOptions.isEmpty()) {
      b.append("child JVM options: ")
          .append(String.join(" ", childJvmOptions))
          .append(System.lineSeparator());
    }
    String row =
        "%-9s %-26s %-26s %-22s %-18s %-18s %-20s %-20s " + (paced() ? "%-20s " : "%s") + "%s%n";
    b.append(
        String.format(
            Locale.ROOT,
            row,
            "mode",
            "offered/s",
            "handled/s",
            "per rx cpu s",
            "cpu s rx",
            "cpu s tx",
            "first 3 s",
            "first 3 cpu s",
            paced() ? "cpu/msg vs verify" : "",
            "drops (median)"));
    for (BenchMode mode : options.modes()) {
      Stats handled = stat(mode, ModeRun::handledPerSecond);
      b.append(
          String.format(
              Locale.ROOT,
              row,
              mode.key(),
              range(stat(mode, ModeRun::offeredPerSecond), "%,.0f"),
              range(handled, "%,.0f"),
              range(stat(mode, BenchReport::perReceiverCpuSecond), "%,.0f"),
              range(stat(mode, ModeRun::cpuReceiver), "%.2f"),
              range(stat(mode, ModeRun::cpuSender), "%.2f"),
              range(perRun(mode, (r, m) -> WarmUp.wall(m)), "%.2fx"),
              range(perRun(mode, (r, m) -> WarmUp.perCpu(m)), "%.2fx"),
              paced() ? range(perRun(mode, BenchReport::cpuPerMessageVsVerify), "%.2fx") : "",
              drops(mode)));
    }
    Stats verify = limit(RunResult::verifyPerSecond);
    Stats sign = limit(RunResult::signPerSecond);
    b.append(
        String.format(
            Locale.ROOT,
            "limits (one thread, Bouncy Castle Ed25519, per CPU second): verify %s/s, sign %s/s;"
                + " verify alone in a fresh JVM on the receiver's core: first 3 s %s;"
                + " the engine's verify for a key seen before: %s/s%n",
            range(verify, "%,.0f"),
            range(sign, "%,.0f"),
            range(limit(RunResult::verifyFirstSecondsVsWarm), "%.2fx"),
            range(limit(RunResult::engineVerifyPerSecond), "%,.0f")));
    targets(b, verify.median(), sign.median());
    return b.toString();
  }

  private void targets(StringBuilder b, double verify, double sign) {
    targets(b, "targets (wall rates)", verify, sign, this::median);
    targets(b, "targets (per receiver CPU second)", verify, sign, this::medianPerCpu);
    if (paced() && has(BenchMode.SIGNED)) {
      b.append(
          String.format(
              Locale.ROOT,
              "target (paced at %d/s): signed cpu per message %.2fx the verify cost (<= 1.10)%n",
              options.rate(),
              perRun(BenchMode.SIGNED, BenchReport::cpuPerMessageVsVerify).median()));
    }
  }

  private boolean paced() {
    return options.rate() > 0;
  }

  /**
   * The receiver's CPU seconds per handled message over one verification's cost ({@code 1 /
   * verify}): 1.0 means the receiver spends exactly a verification's worth of CPU per message, so
   * at that rate it needs {@code rate / verify} cores.
   */
  static double cpuPerMessageVsVerify(RunResult run, ModeRun m) {
    double handled = m.handledPerSecond() * m.windowSeconds();
    if (!(handled > 0) || !(m.cpuReceiver() >= 0) || !(run.verifyPerSecond() > 0)) {
      return Double.NaN;
    }
    return m.cpuReceiver() / handled * run.verifyPerSecond();
  }

  private double medianPerCpu(BenchMode mode) {
    return stat(mode, BenchReport::perReceiverCpuSecond).median();
  }

  private void targets(
      StringBuilder b,
      String title,
      double verify,
      double sign,
      java.util.function.ToDoubleFunction<BenchMode> rate) {
    List<String> parts = new ArrayList<>();
    double raw = has(BenchMode.RAW) ? rate.applyAsDouble(BenchMode.RAW) : Double.NaN;
    if (has(BenchMode.UNSIGNED) && raw > 0) {
      parts.add(ratio("unsigned/raw", rate.applyAsDouble(BenchMode.UNSIGNED) / raw, 0.9));
    }
    if (has(BenchMode.SIGNED) && verify > 0) {
      parts.add(ratio("signed/verify", rate.applyAsDouble(BenchMode.SIGNED) / verify, 0.9));
    }
    if (has(BenchMode.INTRO) && verify > 0 && sign > 0) {
      parts.add(
          ratio(
              "intro/(verify+sign)",
              rate.applyAsDouble(BenchMode.INTRO) * (1 / verify + 1 / sign),
              0.85));
    }
    if (!parts.isEmpty()) {
      b.append(title).append(": ").append(String.join(", ", parts)).append(System.lineSeparator());
    }
  }

  /**
   * Handled per second of the receiver's CPU: what the receiver does with a whole core, whatever
   * share of it other processes took.
   */
  private static double perReceiverCpuSecond(ModeRun m) {
    return m.cpuReceiver() > 0
        ? m.handledPerSecond() * m.windowSeconds() / m.cpuReceiver()
        : Double.NaN;
  }

  private static String ratio(String name, double value, double target) {
    return String.format(Locale.ROOT, "%s %.2f (>= %.2f)", name, value, target);
  }

  private boolean has(BenchMode mode) {
    return options.modes().contains(mode);
  }

  private double median(BenchMode mode) {
    return stat(mode, ModeRun::handledPerSecond).median();
  }

  private Stats stat(BenchMode mode, ToDoubleFunction<ModeRun> f) {
    List<Double> values = new ArrayList<>();
    for (RunResult r : runs) {
      ModeRun m = r.modes().get(mode);
      if (m != null) {
        values.add(f.applyAsDouble(m));
      }
    }
    return Stats.of(values);
  }

  /** A figure that needs the run as well as the mode (e.g. the run's limits). */
  private Stats perRun(BenchMode mode, ToDoubleBiFunction<RunResult, ModeRun> f) {
    List<Double> values = new ArrayList<>();
    for (RunResult r : runs) {
      ModeRun m = r.modes().get(mode);
      if (m != null) {
        double v = f.applyAsDouble(r, m);
        if (Double.isFinite(v)) {
          values.add(v);
        }
      }
    }
    return Stats.of(values);
  }

  private Stats limit(ToDoubleFunction<RunResult> f) {
    List<Double> values = new ArrayList<>();
    for (RunResult r : runs) {
      values.add(f.applyAsDouble(r));
    }
    return Stats.of(values);
  }

  /** Median per reason over the runs (a run without the reason counts 0). */
  private Map<String, Long> drops(BenchMode mode) {
    TreeSet<String> reasons = new TreeSet<>();
    runs.forEach(r -> reasons.addAll(r.modes().get(mode).drops().keySet()));
    Map<String, Long> out = new TreeMap<>();
    for (String reason : reasons) {
      long median =
          Math.round(stat(mode, m -> m.drops().getOrDefault(reason, 0L).doubleValue()).median());
      if (median > 0) {
        out.put(reason, median);
      }
    }
    return out;
  }

  /** Median per second index over the runs that lasted that long. */
  private List<Long> perSecond(BenchMode mode) {
    int longest = 0;
    for (RunResult r : runs) {
      longest = Math.max(longest, r.modes().get(mode).perSecond().size());
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      int index = i;
      List<Double> values = new ArrayList<>();
      for (RunResult r : runs) {
        List<Long> ps = r.modes().get(mode).perSecond();
        if (index < ps.size()) {
          values.add(ps.get(index).doubleValue());
        }
      }
      out.add(Math.round(Stats.of(values).median()));
    }
    return out;
  }

  /** Median per second index of the receiver's CPU seconds, over the runs that lasted that long. */
  private List<Double> cpuPerSecond(BenchMode mode) {
    int longest = 0;
    for (RunResult r : runs) {
      longest = Math.max(longest, r.modes().get(mode).cpuPerSecond().size());
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      List<Double> values = new ArrayList<>();
      for (RunResult r : runs) {
        List<Double> cs = r.modes().get(mode).cpuPerSecond();
        if (i < cs.size()) {
          values.add(cs.get(i));
        }
      }
      out.add(round3(Stats.of(values).median()));
    }
    return out;
  }

  private String range(Stats s, String format) {
    if (Double.isNaN(s.median())) {
      return "-";
    }
    String median = String.format(Locale.ROOT, format, s.median());
    if (runs.size() < 2) {
      return median;
    }
    return median
        + " ("
        + String.format(Locale.ROOT, format, s.min())
        + "-"
        + String.format(Locale.ROOT, format, s.max())
        + ")";
  }

  private static Double finite3(double v) {
    return Double.isFinite(v) ? round3(v) : null;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
