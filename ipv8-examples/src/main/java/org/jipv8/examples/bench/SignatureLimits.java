package org.jipv8.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * Bouncy Castle's single-thread Ed25519 sign and verify rates per second of CPU, for a message the
 * size of a bench datagram: verify called on Bouncy Castle directly (with the key decoded once, as
 * the engine does), sign through the engine's key class (which is one Bouncy Castle call). Also the
 * engine's own verify rate for a key it has seen before ({@code verify_engine_per_s}: its
 * precomputed key table, see the README), which the targets do not use. Each rate is measured after
 * a warm-up, so the JIT has compiled the curve arithmetic. The verify warm-up is itself reported:
 * how fast the signature check alone runs in the first {@value WarmUp#FIRST_SECONDS} seconds of a
 * fresh JVM on the receiver's core, against its warm rate. That is the bound on the {@code signed}
 * mode's own first seconds, with no engine code to compile.
 */
final class SignatureLimits {
  /** Seconds of signing before its rate is measured (verifying warms up for the first seconds). */
  static final double SIGN_WARM_UP_SECONDS = 2;

  /**
   * Seconds of the engine's own verify (its key table's arithmetic) before its rate is measured.
   */
  static final double ENGINE_WARM_UP_SECONDS = 2;

  private SignatureLimits() {}

  private interface Op {
    boolean run(int i);
  }

  /**
   * {@code {"verify_per_s": .., "sign_per_s": .., "verify_first_3_s_vs_warm": ..,
   * "verify_engine_per_s": ..}}: the rates, each the median of five slices of {@code seconds}, and
   * the verify rate of this JVM's first seconds (by the wall clock, from the first check) over
   * {@code verify_per_s}.
   */
  static Map<String, Object> measure(double seconds) {
    PrivateKey key = Keys.generate(KeyType.CURVE25519);
    PublicKey pub = key.publicKey();
    byte[][] messages = new byte[64][];
    byte[][] signatures = new byte[64][];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = new byte[BenchPackets.DATAGRAM_BYTES - 64];
      messages[i][0] = (byte) i;
      signatures[i] = key.sign(messages[i]);
    }
    byte[] bin = pub.toBin();
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(bin, bin.length - 32);
    Op verify =
        i -> {
          byte[] m = messages[i & 63];
          return Ed25519.verify(signatures[i & 63], 0, point, m, 0, m.length);
        };
    Op engineVerify = i -> pub.verify(signatures[i & 63], messages[i & 63]);
    Op sign = i -> key.sign(messages[i & 63]).length == 64;
    // The JIT of a pinned JVM shares its one core: the curve arithmetic takes seconds to compile.
    double firstVerifyRate = wallRate(verify, WarmUp.FIRST_SECONDS);
    rate(sign, SIGN_WARM_UP_SECONDS);
    double verifyRate = median(verify, seconds);
    double signRate = median(sign, seconds);
    rate(engineVerify, ENGINE_WARM_UP_SECONDS);
    double engineVerifyRate = median(engineVerify, seconds);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verify_per_s", Math.round(verifyRate));
    out.put("sign_per_s", Math.round(signRate));
    out.put("verify_first_3_s_vs_warm", Math.round(firstVerifyRate / verifyRate * 1000) / 1000.0);
    out.put("verify_engine_per_s", Math.round(engineVerifyRate));
    return out;
  }

  /** Median of five slices of {@code slice} seconds. */
  private static double median(Op op, double slice) {
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rates.add(rate(op, slice));
    }
    Collections.sort(rates);
    return rates.get(rates.size() / 2);
  }

  /**
   * Operations per second of the wall clock over {@code seconds}: what a user of a fresh JVM sees,
   * with the JIT's compiler threads sharing the core.
   */
  private static double wallRate(Op op, double seconds) {
    Loop loop = loop(op, seconds);
    return loop.count() / (loop.wallNanos() / 1e9);
  }

  /**
   * Operations per second of this thread's CPU time, so that other processes sharing the core (a
   * busy machine) do not lower the limit; on an idle core it equals the wall-clock rate.
   */
  private static double rate(Op op, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
    Loop loop = loop(op, seconds);
    long used = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : loop.wallNanos();
    return loop.count() / (Math.max(1, used) / 1e9);
  }

  private record Loop(int count, long wallNanos) {}

  /**
   * Runs {@code op} for {@code seconds} of the wall clock; fails if any signature did not verify.
   */
  private static Loop loop(Op op, double seconds) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    int n = 0;
    boolean ok = true;
    long now;
    do {
      ok &= op.run(n++);
      now = System.nanoTime();
    } while (now < deadline);
    if (!ok) {
      throw new IllegalStateException("a signature did not verify");
    }
    return new Loop(n, now - start);
  }
}
