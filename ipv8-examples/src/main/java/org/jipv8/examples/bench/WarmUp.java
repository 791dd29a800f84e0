package org.jipv8.examples.bench;

import java.util.List;

/**
 * The warm-up figures of one mode run: how the first {@value #FIRST_SECONDS} seconds of traffic in
 * a fresh receiver JVM compare with its warm, measured window, by wall rate and per CPU second.
 */
final class WarmUp {
  /** The seconds of traffic that count as the start (issue 10's target: 0.6x warm). */
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
   * Handled per receiver CPU second in the first seconds over the same in the warm window: the cost
   * of warm-up itself (class loading, interpreter, JIT, GC all count as CPU of the receiver),
   * independent of the share of the core other processes took. NaN when unknown.
   */
  static double perCpu(ModeRun m) {
    int n = Math.min(Math.min(FIRST_SECONDS, m.perSecond().size()), m.cpuPerSecond().size());
    double cpu = 0;
    for (int i = 0; i < n; i++) {
      cpu += m.cpuPerSecond().get(i);
    }
    double warmHandled = m.handledPerSecond() * m.windowSeconds();
    if (n == 0 || !(cpu > 0) || !(warmHandled > 0) || !(m.cpuReceiver() > 0)) {
      return Double.NaN;
    }
    return (sum(m.perSecond(), n) / cpu) / (warmHandled / m.cpuReceiver());
  }

  private static double sum(List<Long> values, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += values.get(i);
    }
    return s;
  }
}
