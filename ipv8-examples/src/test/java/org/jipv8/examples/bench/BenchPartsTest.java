package org.jipv8.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.messaging.Packets;
import org.junit.jupiter.api.Test;

class BenchPartsTest {
  @Test
  void theReceiverRefusesAFullInboxBeforeCopyLikeANode() {
    for (BenchMode mode : List.of(BenchMode.UNSIGNED, BenchMode.SIGNED, BenchMode.INTRO)) {
      BenchReceiver receiver = new BenchReceiver(mode);
      try {
        assertTrue(receiver.prepare() > 0, mode.key());
        assertTrue(receiver.admitsEarly(), mode.key());
      } finally {
        receiver.close();
      }
    }
    BenchReceiver raw = new BenchReceiver(BenchMode.RAW);
    raw.prepare();
    assertFalse(raw.admitsEarly(), "raw has no community");
    raw.close();
  }

  @Test
  void cpuPerMessageIsTheReceiversCpuOverOneVerification() {
    // 20,000 messages in 2 s on 1.5 CPU s, one verification costs 1/20,000 s: 1.5x.
    ModeRun m = new ModeRun(10_000, 10_000, Map.of(), 0.5, 1.5, List.of(10_000L), 2, List.of(0.75));
    RunResult r = new RunResult(Map.of(BenchMode.SIGNED, m), 20_000, 40_000, 0.7, 36_000);
    assertEquals(1.5, BenchReport.cpuPerMessageVsVerify(r, m), 1e-9);
    ModeRun none = new ModeRun(10_000, 0, Map.of(), 0.5, 1.5, List.of(0L), 2, List.of(0.75));
    assertTrue(Double.isNaN(BenchReport.cpuPerMessageVsVerify(r, none)));
  }

  @Test
  void warmUpComparesTheFirstThreeSecondsAndTheFirstThreeCpuSecondsWithTheWarmWindow() {
    // Warm: 10,000/s in a 2 s window on 1 CPU s (20,000 per CPU s). The first 3 s handle 12,000
    // on 3 CPU s (4,000 per CPU s); the fourth second is not part of the start.
    ModeRun m =
        new ModeRun(
            20_000,
            10_000,
            Map.of(),
            1,
            1.0,
            List.of(2_000L, 4_000L, 6_000L, 10_000L),
            2,
            List.of(1.0, 1.0, 1.0, 0.5));
    assertEquals(0.4, WarmUp.wall(m), 1e-9);
    assertEquals(0.2, WarmUp.perCpu(m), 1e-9);
    // A receiver given 2 CPU s per second: its third CPU second is half of its second second.
    ModeRun busy =
        new ModeRun(20_000, 10_000, Map.of(), 1, 1.0, List.of(1_000L, 3_000L), 2, List.of(2., 2.));
    assertEquals((1_000 + 1_500) / 3.0 / 20_000, WarmUp.perCpu(busy), 1e-9);
    ModeRun starved =
        new ModeRun(20_000, 10_000, Map.of(), 1, 1.0, List.of(1_000L, 3_000L), 2, List.of(1., 1.));
    assertTrue(Double.isNaN(WarmUp.perCpu(starved)), "fewer than 3 CPU seconds sampled");
    ModeRun unsampled = new ModeRun(1, 1, Map.of(), 1, 1, List.of(), 1, List.of());
    assertTrue(Double.isNaN(WarmUp.wall(unsampled)));
    assertTrue(Double.isNaN(WarmUp.perCpu(unsampled)));
  }

  @Test
  void onlyAPacedReportShowsCpuPerMessage() {
    ModeRun m =
        new ModeRun(
            10_000, 10_000, Map.of("KERNEL", 3L), 0.5, 1.5, List.of(9_000L), 2, List.of(0.75));
    List<RunResult> runs =
        List.of(new RunResult(Map.of(BenchMode.SIGNED, m), 20_000, 40_000, 0.7, 36_000));
    BenchOptions paced =
        new BenchOptions(
            2, 0, 1, 10_000, List.of(BenchMode.SIGNED), false, false, List.of(), false);
    BenchReport report = new BenchReport(paced, runs, Cores.NONE);
    Map<?, ?> signed = (Map<?, ?>) ((Map<?, ?>) report.json().get("modes")).get("signed");
    assertEquals(1.5, signed.get("cpu_per_message_vs_verify"));
    assertTrue(report.table().contains("cpu/msg vs verify"), report.table());
    assertTrue(report.table().contains("1.50x the verify cost"), report.table());
    BenchOptions flood =
        new BenchOptions(2, 0, 1, 0, List.of(BenchMode.SIGNED), false, false, List.of(), false);
    BenchReport floodReport = new BenchReport(flood, runs, Cores.NONE);
    signed = (Map<?, ?>) ((Map<?, ?>) floodReport.json().get("modes")).get("signed");
    assertFalse(signed.containsKey("cpu_per_message_vs_verify"));
    assertFalse(floodReport.table().contains("cpu/msg"), floodReport.table());
  }

  @Test
  void theLimitsReportHowFastVerifyingAloneWarmsUp() {
    ModeRun m = new ModeRun(10_000, 9_000, Map.of(), 0.5, 1.5, List.of(9_000L), 2, List.of(0.75));
    List<RunResult> runs =
        List.of(
            new RunResult(Map.of(BenchMode.SIGNED, m), 20_000, 40_000, 0.7, 36_000),
            new RunResult(Map.of(BenchMode.SIGNED, m), 20_000, 40_000, 0.65, 36_000),
            new RunResult(Map.of(BenchMode.SIGNED, m), 20_000, 40_000, 0.72, 36_000));
    BenchOptions flood =
        new BenchOptions(2, 0, 3, 0, List.of(BenchMode.SIGNED), false, false, List.of(), false);
    BenchReport report = new BenchReport(flood, runs, Cores.NONE);
    Map<?, ?> limits = (Map<?, ?>) report.json().get("limits");
    assertEquals(0.7, limits.get("verify_first_3_s_vs_warm"));
    assertTrue(report.table().contains("first 3 s 0.70x (0.65x-0.72x)"), report.table());
    assertEquals(36_000L, limits.get("verify_engine_per_s"));
    assertTrue(report.table().contains("seen before: 36,000 (36,000-36,000)/s"), report.table());
  }

  @Test
  void cpuListsExpandRanges() {
    assertEquals(List.of(0, 1, 2, 5), Cores.parseList("0-2,5"));
    assertEquals(List.of(3), Cores.parseList("3"));
  }

  @Test
  void statsTakeTheMiddleValue() {
    assertEquals(new Stats(2, 1, 9), Stats.of(List.of(9.0, 1.0, 2.0)));
    assertEquals(new Stats(2.5, 1, 4), Stats.of(List.of(4.0, 1.0, 2.0, 3.0)));
  }

  @Test
  void customMessagesAreTwoHundredBytesAndPoolsAreDistinct() {
    Address here = Address.ipv4("127.0.0.1", 1000);
    for (BenchMode mode : List.of(BenchMode.UNSIGNED, BenchMode.SIGNED)) {
      List<byte[]> pool = BenchPackets.pool(mode, List.of(here), here);
      assertEquals(BenchPackets.DATAGRAM_BYTES, pool.get(0).length, mode.key());
      assertEquals(
          pool.size(),
          pool.stream().map(java.util.Arrays::toString).distinct().count(),
          mode.key());
    }
    byte[] intro = BenchPackets.pool(BenchMode.INTRO, List.of(here), here).get(0);
    assertEquals(BenchCommunity.INTRO_REQUEST_ID, Packets.messageId(intro));
  }

  @Test
  void modesAreNamedInLowerCase() {
    assertEquals(BenchMode.SIGNED, BenchMode.fromKey("Signed"));
    assertThrows(IllegalArgumentException.class, () -> BenchMode.fromKey("fast"));
  }
}
