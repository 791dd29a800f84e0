package org.jipv8.reactor.community;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jipv8.api.keys.PublicKey;

/**
 * An opt-in replay window per peer for signed user messages (py-ipv8 has none: a captured signed
 * datagram is accepted again, from any address, as often as it is sent).
 *
 * <p>It relies on the Lamport clock: every signed message a node sends claims a fresh, larger
 * global time. Per signer key the window remembers the highest global time accepted and which of
 * the {@code width} times below it were seen. A message is accepted once; a second copy (from any
 * address), or a message more than {@code width} below the highest, is refused. A message that is
 * merely late but inside the window (reordering) is still accepted once. Comparisons are unsigned,
 * as global times are on the wire. Only the signer can move its own window (the signature is
 * checked before the handler runs), so a forger cannot push a peer's window ahead.
 *
 * <p>Bounds: at most {@code maxPeers} signers are remembered (least recently used forgotten); a
 * forgotten signer starts a new window at its next message, so old messages of a peer that was
 * silent long enough to be evicted are accepted again once. State is {@code width / 8} bytes per
 * signer.
 *
 * <p>Use it through {@link Community#addReplayProtectedHandler}; refused messages are counted as
 * {@link org.jipv8.api.messaging.DropReason#REPLAYED}. Thread-safe (synchronised); handlers call it
 * on the protocol thread.
 */
public final class ReplayWindow {
  /** The default window width: how far below the newest message a late one is still accepted. */
  public static final int DEFAULT_WIDTH = 1024;

  /** The default number of signers remembered. */
  public static final int DEFAULT_MAX_PEERS = 4096;

  private final int width;
  private final int maxPeers;
  private final Map<PublicKey, State> states;
  private long refused;

  private static final class State {
    long highest;
    final long[] seen;

    State(int width) {
      this.seen = new long[width / 64];
    }
  }

  private ReplayWindow(int width, int maxPeers) {
    this.width = width;
    this.maxPeers = maxPeers;
    this.states =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<PublicKey, State> eldest) {
            return size() > ReplayWindow.this.maxPeers;
          }
        };
  }

  /** A window of {@link #DEFAULT_WIDTH} for up to {@link #DEFAULT_MAX_PEERS} signers. */
  public static ReplayWindow create() {
    return create(DEFAULT_WIDTH, DEFAULT_MAX_PEERS);
  }

  /**
   * A window of {@code width} global-time units for up to {@code maxPeers} signers.
   *
   * @throws IllegalArgumentException when {@code width} is not a positive multiple of 64 or {@code
   *     maxPeers} is not positive
   */
  public static ReplayWindow create(int width, int maxPeers) {
    if (width <= 0 || width % 64 != 0) {
      throw new IllegalArgumentException(
          "replay window width must be a positive multiple of 64, was " + width);
    }
    if (maxPeers <= 0) {
      throw new IllegalArgumentException(
          "replay window maxPeers must be positive, was " + maxPeers);
    }
    return new ReplayWindow(width, maxPeers);
  }

  /**
   * Records a message of {@code signer} with {@code globalTime}.
   *
   * @return true the first time, false for a replay or a message older than the window
   */
  public synchronized boolean firstDelivery(PublicKey signer, long globalTime) {
    Objects.requireNonNull(signer, "signer");
    State s = states.get(signer);
    if (s == null) {
      s = new State(width);
      states.put(signer, s);
      s.highest = globalTime;
      mark(s, 0);
      return true;
    }
    if (Long.compareUnsigned(globalTime, s.highest) > 0) {
      long shift = globalTime - s.highest;
      slide(s, shift);
      s.highest = globalTime;
      mark(s, 0);
      return true;
    }
    long age = s.highest - globalTime; // unsigned distance, highest >= globalTime
    if (Long.compareUnsigned(age, width) >= 0 || isMarked(s, (int) age)) {
      refused++;
      return false;
    }
    mark(s, (int) age);
    return true;
  }

  /** How many messages were refused. */
  public synchronized long refused() {
    return refused;
  }

  /** How many signers are remembered. */
  public synchronized int size() {
    return states.size();
  }

  // Bit i of the window means "highest - i was seen".
  private static void mark(State s, int age) {
    s.seen[age >>> 6] |= 1L << (age & 63);
  }

  private static boolean isMarked(State s, int age) {
    return (s.seen[age >>> 6] & (1L << (age & 63))) != 0;
  }

  private void slide(State s, long shift) {
    if (Long.compareUnsigned(shift, width) >= 0) {
      java.util.Arrays.fill(s.seen, 0L);
      return;
    }
    int n = (int) shift;
    int words = n >>> 6;
    int bits = n & 63;
    long[] w = s.seen;
    for (int i = w.length - 1; i >= 0; i--) {
      int src = i - words;
      long v = src >= 0 ? w[src] << bits : 0;
      if (bits != 0 && src - 1 >= 0) {
        v |= w[src - 1] >>> (64 - bits);
      }
      w[i] = v;
    }
  }
}
