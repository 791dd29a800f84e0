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
 * {@link org.jipv8.api.messaging.DropReason#REPLAYED}.
 *
 * <p>Threading: confined to the protocol thread of the community it protects, without locks: {@link
 * #firstDelivery} must run there (handlers do) and asserts it once the window is bound to a
 * community; {@link #refused()} and {@link #size()} read published values and are safe from any
 * thread. Share a window between communities of one node only.
 */
public final class ReplayWindow {
  /** The default window width: how far below the newest message a late one is still accepted. */
  public static final int DEFAULT_WIDTH = 1024;

  /** The default number of signers remembered. */
  public static final int DEFAULT_MAX_PEERS = 4096;

  private final int width;
  private final int maxPeers;
  private final Map<PublicKey, State> states;
  // Written on the protocol thread only; volatile so that readers elsewhere see them.
  private volatile long refused;
  private volatile int size;
  private volatile ProtocolThread thread;

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
  public boolean firstDelivery(PublicKey signer, long globalTime) {
    Objects.requireNonNull(signer, "signer");
    assert confined();
    State s = states.get(signer);
    if (s == null) {
      s = new State(width);
      states.put(signer, s);
      size = states.size();
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
      refused = refused + 1;
      return false;
    }
    mark(s, (int) age);
    return true;
  }

  /** How many messages were refused. */
  public long refused() {
    return refused;
  }

  /** How many signers are remembered. */
  public int size() {
    return size;
  }

  /** Binds the window to the protocol thread of the community it protects. */
  void confineTo(ProtocolThread owner) {
    ProtocolThread bound = thread;
    if (bound != null && bound != owner) {
      throw new IllegalStateException(
          "this ReplayWindow already protects a community with another protocol thread");
    }
    thread = Objects.requireNonNull(owner, "owner");
  }

  private boolean confined() {
    ProtocolThread t = thread;
    if (t != null && !t.confined()) {
      throw new IllegalStateException(
          "ReplayWindow.firstDelivery must run on the protocol thread, was called on "
              + Thread.currentThread().getName());
    }
    return true;
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
