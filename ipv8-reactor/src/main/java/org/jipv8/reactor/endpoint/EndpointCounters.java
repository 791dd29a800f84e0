package org.jipv8.reactor.endpoint;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;

/**
 * The live counters behind {@link EndpointStatistics}, for endpoint implementations (UDP,
 * simulated, dispatching) to update.
 *
 * <p>Threading: every method may be called from any thread at any time; updates are {@link
 * LongAdder}s, so contended writers do not serialise on one cache line. Reads are cheap and weakly
 * consistent (a read racing with updates may see some of them and not others).
 */
public final class EndpointCounters implements EndpointStatistics {
  private static final DropReason[] REASONS = DropReason.values();

  private final LongAdder packetsSent = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();
  private final LongAdder packetsReceived = new LongAdder();
  private final LongAdder bytesReceived = new LongAdder();
  private final LongAdder[] drops = new LongAdder[REASONS.length];
  private final LongAdder readPauses = new LongAdder();
  private volatile LongSupplier kernelDrops = () -> 0;

  /** Fresh counters, all zero. */
  public EndpointCounters() {
    for (int i = 0; i < drops.length; i++) {
      drops[i] = new LongAdder();
    }
  }

  /** Records one datagram of {@code bytes} handed to the socket (or the simulation). */
  public void recordSent(int bytes) {
    packetsSent.increment();
    bytesSent.add(bytes);
  }

  /** Records one datagram of {@code bytes} received. */
  public void recordReceived(int bytes) {
    packetsReceived.increment();
    bytesReceived.add(bytes);
  }

  /** Records one dropped datagram. */
  public void recordDrop(DropReason reason) {
    drops[reason.ordinal()].increment();
  }

  /** Records that the endpoint stopped reading its socket for a full receiver. */
  public void recordReadPause() {
    readPauses.increment();
  }

  @Override
  public long readPauses() {
    return readPauses.sum();
  }

  /** Where {@link #kernelDrops()} comes from (the socket's row in the kernel's table). */
  public void kernelDropSource(LongSupplier source) {
    this.kernelDrops = Objects.requireNonNull(source, "source");
  }

  @Override
  public long kernelDrops() {
    return kernelDrops.getAsLong();
  }

  @Override
  public long packetsSent() {
    return packetsSent.sum();
  }

  @Override
  public long bytesSent() {
    return bytesSent.sum();
  }

  @Override
  public long packetsReceived() {
    return packetsReceived.sum();
  }

  @Override
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  @Override
  public Map<DropReason, Long> drops() {
    EnumMap<DropReason, Long> out = new EnumMap<>(DropReason.class);
    for (DropReason reason : REASONS) {
      long n = drops[reason.ordinal()].sum();
      if (n != 0) {
        out.put(reason, n);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public long drops(DropReason reason) {
    return drops[reason.ordinal()].sum();
  }

  @Override
  public String toString() {
    return "EndpointStatistics{sent="
        + packetsSent()
        + "/"
        + bytesSent()
        + "B, received="
        + packetsReceived()
        + "/"
        + bytesReceived()
        + "B, drops="
        + drops()
        + ", kernelDrops="
        + kernelDrops()
        + ", readPauses="
        + readPauses()
        + "}";
  }
}
