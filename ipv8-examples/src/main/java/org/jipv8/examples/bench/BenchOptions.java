package org.jipv8.examples.bench;

import java.util.List;

/**
 * The settings of one {@code ipv8 bench}.
 *
 * @param seconds the measured window of each mode
 * @param warmup seconds of traffic before the window opens (counted in {@code per_second})
 * @param runs how many times every mode is run (the report shows medians)
 * @param rate datagrams per second the sender offers; 0 floods
 * @param modes the modes, in order
 * @param json print JSON instead of the table
 * @param pin pin receiver and sender to their own cores when possible
 * @param jvmArgs extra options for the child JVMs
 * @param cds start the children with the bench's class-data-sharing archive ({@link CdsArchive}),
 *     built first when missing
 */
public record BenchOptions(
    double seconds,
    double warmup,
    int runs,
    long rate,
    List<BenchMode> modes,
    boolean json,
    boolean pin,
    List<String> jvmArgs,
    boolean cds) {
  public BenchOptions {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
    }
    if (!(warmup >= 0)) {
      throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be 0 (flood) or positive, got " + rate);
    }
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("--modes must name at least one mode");
    }
    modes = List.copyOf(modes);
    jvmArgs = List.copyOf(jvmArgs);
  }
}
