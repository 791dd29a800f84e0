package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Bad input is logged a few times per reason, then summarised per interval, never per datagram. */
class DropLogTest {

  @Test
  void theFirstLinesPerReasonThenOneSummaryPerInterval() {
    long[] now = {0};
    DropLog log = new DropLog(LoggerFactory.getLogger(DropLogTest.class), "test", () -> now[0]);
    for (int i = 0; i < 1000; i++) {
      log.drop(DropReason.UNKNOWN_MESSAGE, "unknown message {} from {}", 7, "here");
    }
    assertEquals(DropLog.FIRST_LINES, log.lines(), "only the first lines within one interval");
    now[0] += DropLog.INTERVAL_MS;
    log.drop(DropReason.UNKNOWN_MESSAGE, "unknown message {} from {}", 7, "here");
    assertEquals(DropLog.FIRST_LINES + 1, log.lines(), "one summary after the interval");
    for (int i = 0; i < DropLog.FIRST_LINES; i++) {
      log.drop(DropReason.MALFORMED_FIELD, "bad field {}", i);
    }
    assertEquals(2 * DropLog.FIRST_LINES + 1, log.lines(), "another reason gets its own lines");
  }

  @Test
  void aFloodOfUnknownMessagesCostsAFewLogLinesAndIsCountedInFull() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      ReactiveApiTest.Plain a = na.add(ReactiveApiTest.Plain::new);
      ReactiveApiTest.Plain b = nb.add(ReactiveApiTest.Plain::new);
      net.run(
          () -> {
            for (int i = 0; i < 500; i++) {
              a.sendNow(nb.wan(), new ReactiveApiTest.Note("x" + i));
            }
          });
      net.advance(Duration.ofMinutes(2));
      net.run(() -> a.sendNow(nb.wan(), new ReactiveApiTest.Note("late")));
      assertEquals(501, b.statistics().drops(DropReason.UNKNOWN_MESSAGE, 12));
      long lines = b.engine().dispatch.dropLog().lines();
      assertTrue(lines <= DropLog.FIRST_LINES + 1, "log lines: " + lines);
    }
  }
}
