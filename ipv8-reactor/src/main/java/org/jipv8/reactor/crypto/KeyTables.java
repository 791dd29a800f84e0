package org.jipv8.reactor.crypto;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a public key gets a {@link PrecomputedVerifier}, and how many may exist at once. A key gets
 * one at its {@value #AFTER}th verification (building it costs about two verifications, and each
 * later one saves almost half of one), if fewer than {@value #BUDGET} keys hold one (15 KiB each);
 * a key refused for the budget tries again every {@value #RETRY_EVERY} verifications. A table is
 * given back to the budget when its key is garbage-collected. The system property {@code
 * jipv8.ed25519.precomputed=false} turns the fast path off (every check goes to Bouncy Castle).
 * Thread-safe.
 */
final class KeyTables {
  static final int AFTER = 4;
  static final int BUDGET = 512;
  static final int RETRY_EVERY = 1024;

  private static final boolean ENABLED =
      !"false".equals(System.getProperty("jipv8.ed25519.precomputed"));
  private static final AtomicInteger LIVE = new AtomicInteger();
  private static final Cleaner CLEANER = Cleaner.create();

  private KeyTables() {}

  /** Whether a key without a table should try to build one at this verification count. */
  static boolean due(int verifications) {
    return ENABLED && verifications >= AFTER && (verifications - AFTER) % RETRY_EVERY == 0;
  }

  /**
   * The verifier of {@code ed25519} for {@code owner}, or null when the budget is spent or the key
   * does not decode; the budget is given back when {@code owner} is collected.
   */
  static PrecomputedVerifier build(Object owner, byte[] ed25519) {
    return build(owner, ed25519, LIVE, BUDGET);
  }

  /** {@link #build(Object, byte[])} against the given count and budget (tests). */
  static PrecomputedVerifier build(Object owner, byte[] ed25519, AtomicInteger live, int budget) {
    if (live.incrementAndGet() > budget) {
      live.decrementAndGet();
      return null;
    }
    PrecomputedVerifier v = PrecomputedVerifier.of(ed25519);
    if (v == null) {
      live.decrementAndGet();
      return null;
    }
    CLEANER.register(owner, live::decrementAndGet);
    return v;
  }

  /** Keys holding a table now (tests). */
  static int live() {
    return LIVE.get();
  }
}
