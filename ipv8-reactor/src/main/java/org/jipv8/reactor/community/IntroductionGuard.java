package org.jipv8.reactor.community;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jipv8.api.address.Address;

/**
 * The state behind {@link IntroductionHardening}: outstanding introduction-requests by (address,
 * identifier) and fixed-window counters of puncture-requests per source and per target. Every map
 * is bounded; the oldest entries go first.
 *
 * <p>Threading: confined to the protocol thread, without locks; every method asserts it (the
 * inspection methods too: they are for tests, which drive the guard from one thread).
 */
final class IntroductionGuard {
  // By host and port only: a walk to a peer's LAN slot (kind UDPV4_LAN) is answered from a plain
  // UDPV4 source, and host strings are canonical in Address.
  private record Key(String host, int port, int identifier) {
    Key(Address a, int identifier) {
      this(a.host(), a.port(), identifier);
    }
  }

  private record Host(String host, int port) {
    Host(Address a) {
      this(a.host(), a.port());
    }
  }

  private static final class Window {
    long start;
    int count;
  }

  private final IntroductionHardening config;
  private final long timeoutMillis;
  private final long windowMillis;
  private final LinkedHashMap<Key, Long> pending = new LinkedHashMap<>();
  private final Map<Host, Window> bySource;
  private final Map<Host, Window> byTarget;

  private final ProtocolThread thread;

  /** A guard not bound to a node (unit tests): every thread passes the check. */
  IntroductionGuard(IntroductionHardening config) {
    this(config, new ProtocolThread(reactor.core.scheduler.Schedulers.immediate()));
  }

  IntroductionGuard(IntroductionHardening config, ProtocolThread thread) {
    this.config = config;
    this.thread = java.util.Objects.requireNonNull(thread, "thread");
    this.timeoutMillis = config.responseTimeout().toMillis();
    this.windowMillis = config.rateWindow().toMillis();
    this.bySource = boundedLru(config.maxTrackedAddresses());
    this.byTarget = boundedLru(config.maxTrackedAddresses());
  }

  private boolean confined() {
    if (!thread.confined()) {
      throw new IllegalStateException(
          "IntroductionGuard used off the protocol thread, on " + Thread.currentThread().getName());
    }
    return true;
  }

  private static Map<Host, Window> boundedLru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Host, Window> eldest) {
        return size() > max;
      }
    };
  }

  IntroductionHardening config() {
    return config;
  }

  /** Records an introduction-request sent now to {@code destination}. */
  void requested(Address destination, int identifier, long now) {
    assert confined();
    expire(now);
    pending.putIfAbsent(new Key(destination, identifier), now);
    while (pending.size() > config.maxPending()) {
      Iterator<Key> it = pending.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  /** Whether that request is still unanswered and within its timeout. */
  boolean isPending(Address destination, int identifier, long now) {
    assert confined();
    Long sent = pending.get(new Key(destination, identifier));
    return sent != null && now - sent <= timeoutMillis;
  }

  /**
   * Matches a response from {@code source} with {@code identifier} to an outstanding request
   * (consuming it).
   *
   * @return false for a response nobody asked for, a second answer, or a late one
   */
  boolean answered(Address source, int identifier, long now) {
    assert confined();
    Long sent = pending.remove(new Key(source, identifier));
    return sent != null && now - sent <= timeoutMillis;
  }

  /** Counts a puncture-request; false when its source or its target is over the rate. */
  boolean allowPunctureRequest(Address source, Address target, long now) {
    assert confined();
    boolean fromOk = take(bySource, source, config.punctureRequestsPerSource(), now);
    boolean toOk = take(byTarget, target, config.punctureRequestsPerTarget(), now);
    return fromOk && toOk;
  }

  /** Outstanding requests (tests). */
  int pendingCount() {
    assert confined();
    return pending.size();
  }

  /** Addresses tracked by the two rate limiters (tests). */
  int trackedAddresses() {
    assert confined();
    return bySource.size() + byTarget.size();
  }

  private boolean take(Map<Host, Window> windows, Address a, int limit, long now) {
    Host key = new Host(a);
    Window w = windows.get(key);
    if (w == null) {
      w = new Window();
      w.start = now;
      windows.put(key, w);
    } else if (now - w.start >= windowMillis) {
      w.start = now;
      w.count = 0;
    }
    if (w.count >= limit) {
      return false;
    }
    w.count++;
    return true;
  }

  private void expire(long now) {
    Iterator<Map.Entry<Key, Long>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() > timeoutMillis) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
