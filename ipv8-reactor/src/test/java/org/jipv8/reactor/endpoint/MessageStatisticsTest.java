package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.reactor.endpoint.MessageStatistics.Include;
import org.junit.jupiter.api.Test;

class MessageStatisticsTest {
  private final AtomicLong millis = new AtomicLong(1_000_000);
  private final MessageStatistics stats =
      MessageStatistics.create(() -> Instant.ofEpochMilli(millis.get()));
  private final byte[] prefix = prefix(5);

  private static byte[] prefix(int tag) {
    byte[] p = new byte[22];
    p[1] = 2;
    p[21] = (byte) tag;
    return p;
  }

  private static byte[] packet(byte[] prefix, int id, int length) {
    byte[] packet = new byte[length];
    System.arraycopy(prefix, 0, packet, 0, 22);
    packet[22] = (byte) id;
    return packet;
  }

  @Test
  void onlyEnabledPrefixesAreCounted() {
    stats.recordSent(packet(prefix, 1, 30));
    assertTrue(stats.statistics(prefix).isEmpty());

    stats.enable(prefix, true);
    stats.recordSent(packet(prefix, 1, 30));
    stats.recordReceived(packet(prefix(6), 1, 30));

    assertEquals(1, stats.statistics(prefix).get(1).numUp());
    assertTrue(stats.statistics(prefix(6)).isEmpty());
  }

  @Test
  void packetsOfTwentyTwoBytesOrLessAreIgnored() {
    stats.enable(prefix, true);
    stats.recordSent(prefix.clone());
    stats.recordReceived(new byte[3]);
    assertTrue(stats.statistics(prefix).isEmpty());
  }

  @Test
  void samplesUpdateCountsBytesAndFirstAndLastTimes() {
    stats.enable(prefix, true);
    stats.recordSent(packet(prefix, 246, 100));
    millis.addAndGet(2_500);
    stats.recordSent(packet(prefix, 246, 50));
    stats.recordReceived(packet(prefix, 246, 70));

    MessageStat s = stats.statistics(prefix).get(246);
    assertEquals(new MessageStat(246, 2, 1, 150, 70, 1000.0, 1002.5, 1002.5, 1002.5), s);
    assertTrue(s.toString().startsWith("NetworkStat{num_up:2, num_down:1, bytes_up:150"));
  }

  @Test
  void aggregateSumsAndMeasuresTheSpanOfPositiveTimestamps() {
    stats.addSent(prefix, 1, 10, 100.0);
    stats.addReceived(prefix, 2, 20, 103.5);
    stats.addSent(prefix, 3, 5, 101.0);

    assertEquals(new AggregateMessageStat(2, 1, 15, 20, 3.5), stats.aggregate(prefix));
    assertEquals(AggregateMessageStat.EMPTY, stats.aggregate(prefix(9)));
  }

  @Test
  void sumsLeaveOutIntroductionPunctureAndDeprecatedIdsUnlessIncluded() {
    stats.addSent(prefix, 1, 10, 1);
    stats.addSent(prefix, 231, 10, 1); // new-style ids are never left out
    stats.addSent(prefix, 245, 10, 1);
    stats.addSent(prefix, 250, 10, 1);
    stats.addSent(prefix, 240, 10, 1);
    stats.addSent(prefix, 255, 10, 1);

    assertEquals(2, stats.messagesSent(prefix));
    assertEquals(3, stats.messagesSent(prefix, Include.INTRODUCTION));
    assertEquals(4, stats.messagesSent(prefix, Include.INTRODUCTION, Include.PUNCTURE));
    assertEquals(
        60, stats.bytesSent(prefix, Include.INTRODUCTION, Include.PUNCTURE, Include.DEPRECATED));
    assertEquals(0, stats.messagesReceived(prefix));
    assertEquals(0, stats.bytesReceived(prefix));
  }

  @Test
  void disablingForgetsThePrefix() {
    stats.addSent(prefix, 1, 10, 1);
    assertTrue(stats.isEnabled(prefix));
    stats.enable(prefix, false);
    assertFalse(stats.isEnabled(prefix));
    assertTrue(stats.statistics(prefix).isEmpty());
  }

  @Test
  void badPrefixOrIdIsRejectedWithTheReason() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> stats.enable(new byte[20], true));
    assertTrue(e.getMessage().contains("22 bytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> stats.addSent(prefix, 256, 1, 1));
  }
}
