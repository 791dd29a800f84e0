package org.jipv8.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails the test class after which Netty reported a leaked buffer (one
 * collected by the garbage collector without being released). Part of the test kit, for the
 * engine's own tests and for yours.
 *
 * <p>Use: add {@code ipv8-testkit} (or only {@code ipv8-leak-gate}) as a test dependency, run the
 * test JVM with {@code -Dio.netty.leakDetection.level=paranoid} (so every buffer is tracked), and
 * either enable JUnit's extension autodetection ({@code
 * junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}; the
 * jar's {@code META-INF/services} then registers the gate for every test class, loaded before any
 * test touches Netty) or annotate classes with {@code @ExtendWith(NettyLeakGate.class)}.
 *
 * <p>Loading the class installs a leak-detector factory whose detectors record each leak report
 * (and still log it); Netty must not have created its detectors before (autodetection ensures it,
 * {@link #isInstalled} tells). After each test class the gate collects garbage and allocates once,
 * which is when Netty looks for buffers that were collected without being released, and throws an
 * {@link AssertionError} with Netty's access records if any were found. A leak found after one
 * class may have been made by a class running in parallel; the records name the code.
 *
 * <p>Threading: safe from any thread; reports are kept in a lock-free queue.
 */
public final class NettyLeakGate implements AfterAllCallback {
  private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

  static {
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  /** Creates the gate (JUnit does, through autodetection). */
  public NettyLeakGate() {}

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> found = collectLeaks();
    if (!found.isEmpty()) {
      throw new AssertionError(
          "Netty reported "
              + found.size()
              + " leaked buffer(s) by the end of "
              + context.getDisplayName()
              + " (released too few times):\n"
              + String.join("\n", found));
    }
  }

  /**
   * Runs a collection, lets Netty look for collected but unreleased buffers, and returns (and
   * forgets) every leak reported since the last call.
   */
  public static List<String> collectLeaks() {
    // References are queued by the JVM shortly after a collection, not during it; a few rounds
    // give that a chance without waiting on a clock.
    for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
      System.gc();
      // Netty polls for collected buffers when it tracks a new one.
      ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
      probe.release();
    }
    List<String> found = new ArrayList<>();
    String leak;
    while ((leak = LEAKS.poll()) != null) {
      found.add(leak);
    }
    return found;
  }

  /** Whether the recording detectors are the ones Netty uses (false if Netty started first). */
  public static boolean isInstalled() {
    return ResourceLeakDetectorFactory.instance() instanceof RecordingFactory;
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return newResourceLeakDetector(resource, samplingInterval);
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval) {
      return new RecordingDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add("LEAK: " + resourceType + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add("LEAK: " + resourceType + " (no access records)");
      super.reportUntracedLeak(resourceType);
    }
  }
}
