package org.jipv8.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate is active in this JVM and does see a leak (the one this test makes and then clears). */
class NettyLeakGateTest {

  @Test
  void buildRunsWithParanoidLeakDetection() {
    assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
    assertTrue(NettyLeakGate.isInstalled(), "the gate must be loaded before Netty");
  }

  @Test
  void anUnreleasedBufferIsReported() {
    NettyLeakGate.collectLeaks();
    leakOne();

    List<String> leaks = NettyLeakGate.collectLeaks();
    for (int attempt = 0; attempt < 50 && leaks.isEmpty(); attempt++) {
      leaks = NettyLeakGate.collectLeaks();
    }

    assertEquals(1, leaks.size(), leaks.toString());
    assertTrue(leaks.get(0).contains("LEAK"), leaks.get(0));
  }

  private static void leakOne() {
    ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
    buffer.writeInt(42);
    // Not released: garbage with a reference count of 1.
  }
}
