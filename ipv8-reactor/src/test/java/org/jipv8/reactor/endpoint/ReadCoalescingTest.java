package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import org.jipv8.api.endpoint.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * When the socket stops reading to gather a steady stream into runs, and when it does not. The
 * channel's clock and the coalescing clock are moved by hand: nothing here waits.
 */
class ReadCoalescingTest {
  private static final long MS = FrozenChannel.MS;

  private final FrozenChannel frozen = new FrozenChannel();
  private boolean room;
  private final ReadPause pause =
      new ReadPause(frozen.channel, b -> room, new EndpointCounters(), frozen.clock());

  private ReadCoalescing coalescing(long nanos) {
    return new ReadCoalescing(frozen.channel, nanos, pause, frozen.clock());
  }

  private void advance(long nanos) {
    frozen.advance(nanos);
  }

  private boolean reading() {
    return frozen.reading();
  }

  @Test
  void closeSmallReadsPauseForTheCoalescingTimeThenReadAgain() {
    ReadCoalescing c = coalescing(MS);
    c.endOfRead(1);
    assertTrue(reading(), "the first read after a quiet spell is not close to another");
    advance(MS / 10);
    c.endOfRead(1);
    assertFalse(reading(), "a read 0.1 ms after the last one starts gathering");
    advance(MS / 2);
    assertFalse(reading());
    advance(MS / 2);
    assertTrue(reading(), "reading resumes after the coalescing time");
  }

  @Test
  void aFastStreamPausesOnlyAsLongAsAFullRunTakesToArriveAndADenseOneNotAtAll() {
    ReadCoalescing c = coalescing(2 * MS);
    c.endOfRead(1);
    // Eight datagrams in 0.05 ms: 32 arrive in 0.2 ms, so a 2 ms pause would let the kernel's
    // buffer fill with 320.
    advance(MS / 20);
    c.endOfRead(8);
    assertFalse(reading());
    advance(MS / 5 - 1);
    assertFalse(reading());
    advance(1);
    assertTrue(reading(), "the pause ends once a full run can have arrived");
    // The pause gathered 32 in 0.2 ms again: read on. Then 16 in 0.005 ms: 32 in 0.01 ms, less
    // than the shortest pause worth a timer.
    c.endOfRead(Endpoint.MAX_BURST);
    advance(MS / 200);
    c.endOfRead(16);
    assertTrue(reading(), "a stream this dense is read as it comes");
  }

  @Test
  void sparseReadsAndFullRunsNeverPause() {
    ReadCoalescing c = coalescing(MS);
    for (int i = 0; i < 5; i++) {
      c.endOfRead(1);
      assertTrue(reading());
      advance(2 * MS);
    }
    c.endOfRead(3);
    advance(MS / 10);
    c.endOfRead(Endpoint.MAX_BURST);
    assertTrue(reading(), "a full run says more is waiting: read on");
    advance(MS / 10);
    c.endOfRead(0);
    assertTrue(reading(), "an empty read gathers nothing");
  }

  @Test
  void gatheringGoesOnWhileAPauseGathersTwoOrMoreAndStopsWhenItGathersFewer() {
    ReadCoalescing c = coalescing(MS);
    c.endOfRead(1);
    advance(MS / 10);
    c.endOfRead(1);
    advance(MS);
    assertTrue(reading());
    c.endOfRead(5);
    assertFalse(reading(), "the pause gathered five: gather again");
    advance(MS);
    c.endOfRead(1);
    assertTrue(reading(), "the pause gathered one: read at once from now on");
    advance(2 * MS);
    c.endOfRead(1);
    assertTrue(reading());
  }

  @Test
  void coalescingNeverEndsAPauseForAFullReceiverNorRunsWhenSwitchedOff() {
    ReadCoalescing c = coalescing(MS);
    c.endOfRead(1);
    advance(MS / 10);
    c.endOfRead(1);
    assertFalse(reading());
    pause.begin(Unpooled.wrappedBuffer(new byte[30]));
    advance(MS);
    assertFalse(reading(), "the receiver is still full: the read pause decides");
    room = true;
    advance(2 * MS);
    assertTrue(reading(), "the read pause ends at its next check (3 ms) once there is room");

    ReadCoalescing off = coalescing(0);
    off.endOfRead(1);
    advance(1);
    off.endOfRead(1);
    assertTrue(reading());
  }
}
