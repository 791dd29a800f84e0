package org.jipv8.examples.bench;

import java.util.List;

/**
 * The warm-up figures of one mode run: how the first {@value #FIRST_SECONDS} seconds of traffic in
 * a fresh receiver JVM compare with its warm, measured window, by wall rate and over its first
 * {@value #FIRST_SECONDS} CPU seconds.
 */
final class WarmUp {
  /** The (CPU) seconds of traffic that count as the start (issue 10's target: 0.6x warm). */
  static final int FIRST_SECONDS = 3;

  private WarmUp() {}

  /**
   * Mean handled/s of the first seconds over the warm handled/s: what a user sees, and on a shared
   * machine also how much of its core the receiver was given in either period. NaN when unknown.
   */
  static double wall(ModeRun m) {
    int n = Math.min(FIRST_SECONDS, m.perSecond().size());
    if (n == 0 || !(m.handledPerSecond() > 0)) {
      return Double.NaN;
    }
    return sum(m.perSecond(), n) / n / m.handledPerSecond();
  }

  /**
   * Handled per receiver CPU second over the receiver's first {@value #FIRST_SECONDS} CPU seconds
   * of traffic, over the same in the warm window: the cost of warm-up itself (class loading,
   * interpreted and C1 code, JIT compilation and GC all count as the receiver's CPU), whatever
   * share of its core the receiver was given. On a quiet machine a flooded receiver gets a whole
   * core, so its first 3 CPU seconds are its first 3 seconds and this equals {@link #wall}. The
   * second in which the CPU sum reaches the mark counts pro rata. NaN when the samples hold fewer
   * CPU seconds, or nothing was handled.
   */
  static double perCpu(ModeRun m) {
    int n = Math.min(m.perSecond().size(), m.cpuPerSecond().size());
    double cpu = 0;
    double handled = 0;
    for (int i = 0; i < n && cpu < FIRST_SECONDS; i++) {
      double c = m.cpuPerSecond().get(i);
      double share = c > 0 ? Math.min(1, (FIRST_SECONDS - cpu) / c) : 1;
      cpu += c * share;
      handled += m.perSecond().get(i) * share;
    }
    double warmHandled = m.handledPerSecond() * m.windowSeconds();
    if (cpu < FIRST_SECONDS - 1e-9 || !(warmHandled > 0) || !(m.cpuReceiver() > 0)) {
      return Double.NaN;
    }
    return (handled / cpu) / (warmHandled / m.cpuReceiver());
  }

  private static double sum(List<Long> values, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += values.get(i);
    }
    return s;
  }
}
