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
}
