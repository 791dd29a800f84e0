package org.jipv8.reactor.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import reactor.core.scheduler.Scheduler;

/**
 * An in-memory "internet" for feeding datagrams straight to a community (py-ipv8's mock internet):
 * a map from address to {@link MemoryEndpoint}. A datagram sent to a registered address is
 * delivered on the given scheduler after {@link #latency()}; a datagram to an unknown address is
 * recorded as undeliverable. With zero latency, a send made inside a scheduler task is delivered
 * after that task (py-ipv8's "next loop turn"), but a send made directly from the test thread is
 * delivered before {@code send} returns, because a {@code VirtualTimeScheduler} runs due work at
 * once: wrap such calls in a task of the scheduler. Every send is logged in order, so tests can
 * compare the traffic with expected datagrams ({@link #setRecording} turns the log off for long
 * runs such as benchmarks).
 *
 * <p>For whole nodes (strategies, NATs, loss) use {@link SimulatedNetwork} (or the test kit's
 * {@code TestNetwork} on it) instead; this one is for benchmarks and tests that drive one community
 * by hand. It is public API of the engine so that the engine's tests, the test kit and the
 * benchmarks share one copy.
 *
 * <p>Thread-safe; deterministic on a {@code VirtualTimeScheduler}.
 */
public final class MemoryInternet {
  /** One datagram as it was sent. */
  public record Sent(Address from, Address to, byte[] data, boolean delivered) {}

  private final Scheduler scheduler;
  private final Map<Address, MemoryEndpoint> endpoints = new ConcurrentHashMap<>();
  private final List<Sent> log = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean recording = true;

  /** An internet delivering on {@code scheduler}. */
  public MemoryInternet(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** The delivery scheduler. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The one-way delay of every datagram. */
  public Duration latency() {
    return latency;
  }

  /** Sets the one-way delay of every datagram. */
  public void setLatency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  /** Creates an endpoint reachable at {@code lan} and {@code wan}; its local address is wan. */
  public MemoryEndpoint endpoint(Address lan, Address wan) {
    MemoryEndpoint e = new MemoryEndpoint(this, lan, wan);
    endpoints.put(lan, e);
    endpoints.put(wan, e);
    return e;
  }

  void send(MemoryEndpoint from, Address to, byte[] data) {
    MemoryEndpoint target = endpoints.get(to);
    if (recording) {
      synchronized (log) {
        log.add(new Sent(from.wan(), to, data.clone(), target != null));
      }
    }
    if (target == null) {
      return;
    }
    byte[] copy = data.clone();
    Address source = from.wan();
    Runnable delivery = () -> target.deliver(source, copy);
    if (latency.isZero()) {
      scheduler.schedule(delivery);
    } else {
      scheduler.schedule(delivery, latency.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Every datagram sent so far, in order. */
  public List<Sent> sent() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Datagrams sent to addresses nobody owns. */
  public List<Sent> undeliverable() {
    return sent().stream().filter(s -> !s.delivered()).toList();
  }

  /**
   * Whether sends are added to the {@linkplain #sent() log} (on by default; off keeps the memory of
   * a long run flat).
   */
  public void setRecording(boolean on) {
    this.recording = on;
  }

  /** Forgets the send log. */
  public void clearLog() {
    synchronized (log) {
      log.clear();
    }
  }
}
