package org.jipv8.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * Bouncy Castle's single-thread Ed25519 sign and verify rates on this machine, through the engine's
 * own key classes, for a message the size of a bench datagram. Each rate is measured after a
 * warm-up of the same length, so the JIT has compiled the curve arithmetic.
 */
final class SignatureLimits {
  private SignatureLimits() {}

  private interface Op {
    boolean run(int i);
  }

  /** {@code {"verify_per_s": .., "sign_per_s": ..}}, each measured for {@code seconds}. */
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
    Op verify = i -> pub.verify(signatures[i & 63], messages[i & 63]);
    Op sign = i -> key.sign(messages[i & 63]).length == 64;
    rate(verify, seconds);
    double verifyRate = rate(verify, seconds);
    rate(sign, seconds);
    double signRate = rate(sign, seconds);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verify_per_s", Math.round(verifyRate));
    out.put("sign_per_s", Math.round(signRate));
    return out;
  }

  private static double rate(Op op, double seconds) {
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
    return n / ((now - start) / 1e9);
  }
}
