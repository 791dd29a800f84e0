package org.jipv8.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scale run at 1,000 nodes: every node, knowing only the bootstrap server, reaches 20 peers on
 * the virtual clock. Takes about a minute of wall time on a busy 2-core machine (every signature is
 * really made and checked, on one thread); the 10,000-node run is the documented main.
 */
class ScaleRunTest {
  @Test
  void aThousandNodesThatKnowOnlyTheBootstrapServerEachReachTwentyPeers() {
    ScaleRun.Result r = ScaleRun.run(1000, 20, 1, Duration.ofMinutes(5), System.out);
    System.out.println(r.summary());
    assertTrue(r.converged(), r.summary());
    assertEquals(1000, r.nodes());
    assertTrue(r.poorest() >= 20, r.summary());
    assertTrue(r.simulated().compareTo(Duration.ofMinutes(5)) < 0, r.summary());
    assertTrue(r.heapPerNode() > 0, "heap per node measured: " + r.summary());
  }
}
