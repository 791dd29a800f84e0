package org.jipv8.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoTest {

  @Test
  @Timeout(120)
  void aSmallDemoNetworkReachesItsTargetAndPrintsTheTable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code =
        new DemoNetwork(
                new DemoOptions(5, Duration.ofSeconds(60), 7, 4),
                new PrintStream(bytes, true, StandardCharsets.UTF_8))
            .run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("at target"), out);
    assertTrue(out.contains("node-05"), out);
    assertTrue(out.contains("5/5 nodes reached 4 peers"), out);
    // Nothing a local network does is refused by the loopback guard (no datagram to 0.0.0.0).
    assertTrue(out.contains("drops by reason: "), out);
    assertTrue(!out.contains("LOOPBACK_GUARD"), out);
  }

  private static NodeSnapshot node(String name, long target) {
    return new NodeSnapshot(name, "127.0.0.1:1", 3, 100, target, 10, 9, 1);
  }

  @Test
  void exitCodeIsZeroOnlyWhenEveryNodeReachedItsTarget() {
    assertEquals(0, DemoReport.exitCode(List.of(node("a", 500), node("b", 900))));
    assertEquals(1, DemoReport.exitCode(List.of(node("a", 500), node("b", -1))));
    assertEquals(1, DemoReport.exitCode(List.of()));
  }

  @Test
  void tableHasARowPerNodeAndAVerdict() {
    String t = DemoReport.table(List.of(node("node-01", 1234), node("node-02", -1)), 3, 30);
    assertTrue(t.contains("node-01") && t.contains("1.23s"), t);
    assertTrue(t.contains("node-02") && t.contains(" -"), t);
    assertTrue(t.contains("1/2 nodes reached 3 peers within 30 s: FAILED"), t);
  }

  @Test
  void progressLineShowsNodesAtTargetAndRates() {
    String p = DemoReport.progress(List.of(node("a", 5), node("b", -1)), 3, 2.5, 120, 0);
    assertTrue(p.contains("at target 1/2"), p);
    assertTrue(p.contains("120 msg/s"), p);
    assertTrue(p.contains("0 drops/s"), p);
  }

  @Test
  void optionsRefuseImpossibleTargets() {
    assertEquals(19, DemoOptions.defaultTarget(20));
    assertEquals(20, DemoOptions.defaultTarget(50));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new DemoOptions(3, Duration.ofSeconds(1), 1, 3));
  }

  @Test
  void tableShowsDropsByReasonALegendAndTheSoftLimit() {
    NodeSnapshot crowded = new NodeSnapshot("node-01", "127.0.0.1:1", 34, 100, 200, 10, 9, 2);
    String t =
        DemoReport.table(
            List.of(crowded),
            1,
            30,
            java.util.Map.of(org.jipv8.api.messaging.DropReason.BAD_SIGNATURE, 2L),
            30);
    assertTrue(t.contains("1/1 nodes reached 1 peer within 30 s: OK"), t);
    assertTrue(t.contains("drops by reason: 2 (BAD_SIGNATURE 2)"), t);
    assertTrue(t.contains("legend: peers = "), t);
    assertTrue(t.contains("max_peers (30) is a soft limit") && t.contains("up to 34"), t);
    String calm = DemoReport.table(List.of(node("node-01", 5)), 3, 30);
    assertTrue(calm.contains("drops by reason: 0"), calm);
    assertTrue(!calm.contains("soft limit"), calm);
  }
}
