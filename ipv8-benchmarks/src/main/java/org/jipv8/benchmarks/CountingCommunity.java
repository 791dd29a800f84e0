package org.jipv8.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;

/**
 * A community whose handlers (and answered introduction-requests) only count, and wake the thread
 * waiting in {@link #awaitSettled} once the count it waits for is reached.
 */
public final class CountingCommunity extends Community {
  private final AtomicLong handled = new AtomicLong();
  private volatile long target = Long.MAX_VALUE;
  private volatile Thread waiter;

  public CountingCommunity(CommunitySettings settings) {
    super(Messages.ID, settings);
    addUnsignedHandler(Messages.Plain.class, (source, m) -> count());
    addHandler(Messages.Signed.class, (peer, m) -> count());
  }

  @Override
  protected void introductionRequestCallback(Peer peer, long globalTime, Record payload) {
    count();
  }

  private void count() {
    if (handled.incrementAndGet() >= target) {
      Thread w = waiter;
      if (w != null) {
        LockSupport.unpark(w);
      }
    }
  }

  /** Handled so far. */
  long handled() {
    return handled.get();
  }

  /** Announces that the calling thread will wait for {@code count} handled messages. */
  void expect(long count) {
    waiter = Thread.currentThread();
    target = count;
  }

  /**
   * Parks until {@code target} messages are handled or dropped (a drop would otherwise hang the
   * benchmark; the receive path counts every datagram one way or the other).
   */
  void awaitSettled() {
    // The last handled message unparks this thread; the timeout only notices drops, which do
    // not. A short poll would spend a share of the cores the benchmark measures.
    while (handled.get() + statistics().totalDrops() < target) {
      LockSupport.parkNanos(10_000_000);
    }
  }
}
