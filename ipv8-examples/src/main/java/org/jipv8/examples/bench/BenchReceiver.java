package org.jipv8.examples.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The receiving side of one bench mode: a UDP endpoint on 127.0.0.1 (loopback guard on) and, except
 * in {@code raw}, a {@link BenchCommunity} on a single protocol thread with one verification thread
 * per available processor, or, as a node's default, verifying on the protocol thread when the
 * process has one processor (pinned to a core), its router admitting early as a node's does (a full
 * inbox refuses datagrams before they are copied: {@code INBOX_FULL}). Counts what was handled per
 * second from START (a trailing part of a second scaled to a rate), and what was handled and
 * dropped (by reason, the kernel's included) between MARK and STOP.
 */
final class BenchReceiver implements BenchChild.Role {
  /** The key under which the socket's kernel drops are reported. */
  static final String KERNEL = "KERNEL";

  private final BenchMode mode;
  private final AtomicLong rawCount = new AtomicLong();
  private final List<Long> perSecond = new ArrayList<>();
  private final List<Double> cpuPerSecond = new ArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bench-ticker");
            t.setDaemon(true);
            return t;
          });
  private UdpEndpoint endpoint;
  private BenchCommunity community;
  private Scheduler protocol;
  private Scheduler verification;
  private LongSupplier handled;
  private long lastTickCount;
  private long lastTickNanos;
  private long lastTickCpu;
  private long markHandled;
  private long markNanos;
  private long markCpu;
  private Map<String, Long> markDrops = Map.of();

  BenchReceiver(BenchMode mode) {
    this.mode = mode;
  }

  @Override
  public int prepare() {
    endpoint =
        UdpEndpoint.builder()
            .host("127.0.0.1")
            .port(0)
            .loopbackGuard(LoopbackGuard.enabled())
            .build()
            .openNow(Duration.ofSeconds(10));
    if (mode == BenchMode.RAW) {
      endpoint.receive().subscribe(d -> rawCount.incrementAndGet());
      handled = rawCount::get;
    } else {
      protocol = Schedulers.newSingle("bench-protocol");
      int cpus = Runtime.getRuntime().availableProcessors();
      verification = cpus == 1 ? protocol : Schedulers.newParallel("bench-verify", cpus);
      community =
          new BenchCommunity(
              CommunitySettings.builder()
                  .myPeer(Peer.own(Keys.generate(KeyType.CURVE25519), System::currentTimeMillis))
                  .endpoint(endpoint)
                  .protocolScheduler(protocol)
                  .verificationScheduler(verification)
                  .lanAddresses(LanAddressProvider.none())
                  .maxPeers(-1)
                  .build());
      int id =
          switch (mode) {
            case UNSIGNED -> BenchCommunity.UNSIGNED_ID;
            case SIGNED -> BenchCommunity.SIGNED_ID;
            default -> BenchCommunity.INTRO_REQUEST_ID;
          };
      // As the node wiring does: a full inbox refuses its datagrams in the endpoint, before copy.
      community.settings().router().admitEarly();
      community.start().block();
      handled = () -> community.statistics().handled(id);
    }
    return endpoint.localAddress().port();
  }

  @Override
  public void start() {
    synchronized (perSecond) {
      lastTickCount = handled.getAsLong();
      lastTickNanos = System.nanoTime();
      lastTickCpu = processCpuNanos();
    }
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private void tick() {
    long now = handled.getAsLong();
    long cpu = processCpuNanos();
    synchronized (perSecond) {
      perSecond.add(now - lastTickCount);
      cpuPerSecond.add((cpu - lastTickCpu) / 1e9);
      lastTickCount = now;
      lastTickNanos = System.nanoTime();
      lastTickCpu = cpu;
    }
  }

  /** CPU time of this whole process (every thread: JIT and GC included), or 0 when unknown. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * The seconds sampled so far, handled and process CPU seconds in each, with a trailing part of at
   * least half a second scaled to 1 s.
   */
  private void sampled(List<Long> handledOut, List<Double> cpuOut) {
    synchronized (perSecond) {
      handledOut.addAll(perSecond);
      cpuOut.addAll(cpuPerSecond);
      double part = (System.nanoTime() - lastTickNanos) / 1e9;
      if (part >= 0.5) {
        handledOut.add(Math.round((handled.getAsLong() - lastTickCount) / part));
        cpuOut.add((processCpuNanos() - lastTickCpu) / 1e9 / part);
      }
    }
  }

  @Override
  public void mark() {
    markNanos = System.nanoTime();
    markCpu = processCpuNanos();
    markHandled = handled.getAsLong();
    markDrops = drops();
  }

  @Override
  public Map<String, Object> stop() {
    long count = handled.getAsLong() - markHandled;
    double window = (System.nanoTime() - markNanos) / 1e9;
    double cpu = (processCpuNanos() - markCpu) / 1e9;
    ticker.shutdownNow();
    List<Long> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    sampled(seconds, cpuSeconds);
    Map<String, Long> drops = new TreeMap<>();
    drops()
        .forEach(
            (reason, n) -> {
              long d = n - markDrops.getOrDefault(reason, 0L);
              if (d > 0) {
                drops.put(reason, d);
              }
            });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handled", count);
    out.put("window_s", window);
    // Over the same window as "handled": a receiver starved by other processes may see MARK late.
    out.put("cpu_s", cpu);
    out.put("per_second", seconds);
    out.put("cpu_per_second", cpuSeconds);
    out.put("drops", drops);
    return out;
  }

  /** Whether the endpoint refuses a full inbox's datagrams before copying them (as a node's). */
  boolean admitsEarly() {
    return community != null && community.settings().router().admitsEarly();
  }

  /** Unloads the community and closes the socket (a child simply exits; tests call this). */
  void close() {
    ticker.shutdownNow();
    if (community != null) {
      community.unload().block(Duration.ofSeconds(10));
      protocol.dispose();
      if (verification != protocol) {
        verification.dispose();
      }
    }
    endpoint.closeNow(Duration.ofSeconds(10));
  }

  /** Every drop counter of the receiver, by reason, summed over endpoint, router and community. */
  private Map<String, Long> drops() {
    Map<String, Long> all = new TreeMap<>();
    endpoint.statistics().drops().forEach((r, n) -> all.merge(r.name(), n, Long::sum));
    if (community != null) {
      community.statistics().drops().forEach((r, n) -> all.merge(r.name(), n, Long::sum));
      community.settings().router().drops().forEach((r, n) -> all.merge(r.name(), n, Long::sum));
    }
    // The endpoint reads the socket's row of /proc/net/udp here (this is not a Netty thread).
    all.put(KERNEL, endpoint.statistics().kernelDrops());
    all.values().removeIf(n -> n == 0);
    return all;
  }
}
