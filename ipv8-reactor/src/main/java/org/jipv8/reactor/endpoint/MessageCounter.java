package org.jipv8.reactor.endpoint;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of one (community, message id); lock-free, safe from any thread. */
final class MessageCounter {
  private final int id;
  private final LongAdder numUp = new LongAdder();
  private final LongAdder numDown = new LongAdder();
  private final LongAdder bytesUp = new LongAdder();
  private final LongAdder bytesDown = new LongAdder();
  // Timestamps are doubles stored as raw bits; 0L is the bit pattern of 0.0, py's "never".
  private final AtomicLong firstUp = new AtomicLong();
  private final AtomicLong firstDown = new AtomicLong();
  private final AtomicLong lastUp = new AtomicLong();
  private final AtomicLong lastDown = new AtomicLong();

  MessageCounter(int id) {
    this.id = id;
  }

  void addSent(long bytes, double timestamp) {
    numUp.increment();
    bytesUp.add(bytes);
    long bits = Double.doubleToRawLongBits(timestamp);
    lastUp.set(bits);
    firstUp.compareAndSet(0L, bits);
  }

  void addReceived(long bytes, double timestamp) {
    numDown.increment();
    bytesDown.add(bytes);
    long bits = Double.doubleToRawLongBits(timestamp);
    lastDown.set(bits);
    firstDown.compareAndSet(0L, bits);
  }

  MessageStat snapshot() {
    return new MessageStat(
        id,
        numUp.sum(),
        numDown.sum(),
        bytesUp.sum(),
        bytesDown.sum(),
        Double.longBitsToDouble(firstUp.get()),
        Double.longBitsToDouble(firstDown.get()),
        Double.longBitsToDouble(lastUp.get()),
        Double.longBitsToDouble(lastDown.get()));
  }
}
