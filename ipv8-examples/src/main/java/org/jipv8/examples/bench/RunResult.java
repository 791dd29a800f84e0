package org.jipv8.examples.bench;

import java.util.Map;

/**
 * One run of every selected mode, with the signature limits measured in the same run.
 *
 * @param modes the modes' outcomes, in run order
 * @param verifyPerSecond Bouncy Castle's single-thread Ed25519 verifications per second
 * @param signPerSecond Bouncy Castle's single-thread Ed25519 signatures per second
 * @param verifyFirstSecondsVsWarm the verify rate of a fresh JVM's first seconds on the receiver's
 *     core over {@code verifyPerSecond}; NaN when unknown
 * @param engineVerifyPerSecond the engine's own single-thread verifications per second for a key it
 *     has seen before (its precomputed key table); NaN when unknown
 */
record RunResult(
    Map<BenchMode, ModeRun> modes,
    double verifyPerSecond,
    double signPerSecond,
    double verifyFirstSecondsVsWarm,
    double engineVerifyPerSecond) {
  RunResult {
    modes = Map.copyOf(modes);
  }
}
