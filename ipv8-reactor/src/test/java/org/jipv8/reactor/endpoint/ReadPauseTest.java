package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.junit.jupiter.api.Test;

/**
 * When a paused socket asks whether the inbox has room again (1 ms after the refusal, then at
 * doubling intervals, up to the pause limit), and that the doubling does not let a steadily drained
 * inbox run dry before reading resumes. The channel's clock and the pause's clock are moved by hand
 * in steps of 0.1 ms: nothing here waits.
 */
class ReadPauseTest {
  private static final long MS = FrozenChannel.MS;

  private final FrozenChannel frozen = new FrozenChannel();
  private final List<Long> checks = new ArrayList<>();
  private long refusedAt;

  private ReadPause pause(Predicate<ByteBuffer> room) {
    return new ReadPause(
        frozen.channel,
        b -> {
          checks.add(frozen.now() - refusedAt);
          return room.test(b);
        },
        new EndpointCounters(),
        frozen.clock());
  }

  private void refuse(ReadPause pause) {
    refusedAt = frozen.now();
    pause.begin(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
  }

  private void advance(long nanos) {
    frozen.advance(nanos);
  }

  private boolean reading() {
    return frozen.reading();
  }

  @Test
  void anInboxThatStaysFullIsAskedAtDoublingIntervalsAndReadAgainAtThePauseLimit() {
    ReadPause pause = pause(b -> false);
    refuse(pause);
    assertFalse(reading());
    assertTrue(pause.paused());
    advance((ReceiveAdmission.MAX_READ_PAUSE_MILLIS - 1) * MS);
    assertFalse(reading(), "still full, before the limit");
    advance(2 * MS);
    assertTrue(reading(), "the limit ends the pause whatever the answer");
    assertFalse(pause.paused());
    List<Long> millis = checks.stream().map(t -> Math.round(t / (double) MS)).toList();
    assertEquals(List.of(1L, 3L, 7L, 15L, 31L, ReceiveAdmission.MAX_READ_PAUSE_MILLIS), millis);
  }

  @Test
  void readingResumesAtTheFirstCheckThatFindsRoom() {
    boolean[] room = {false};
    ReadPause pause = pause(b -> room[0]);
    refuse(pause);
    advance(4 * MS);
    assertFalse(reading());
    room[0] = true;
    advance(2 * MS);
    assertFalse(reading(), "the check after 3 ms comes at 7 ms");
    advance(MS);
    assertTrue(reading());
    assertEquals(3, checks.size());
    advance(60 * MS);
    assertEquals(3, checks.size(), "no checks once reading resumed");
  }

  @Test
  void aSteadilyDrainedInboxStillHoldsDatagramsWhenReadingResumes() {
    int capacity = 4096;
    int refusedWith = capacity - 32;
    int roomAt = capacity - capacity / 4;
    // From a consumer that drains a quarter within the first check to one that never gets there.
    for (long perSecond = 200; perSecond <= 3_000_000; perSecond = perSecond * 3 / 2) {
      checks.clear();
      frozen.channel.config().setAutoRead(true);
      long rate = perSecond;
      long[] queued = {refusedWith};
      ReadPause pause =
          pause(
              b -> {
                queued[0] =
                    Math.max(0, refusedWith - rate * (frozen.now() - refusedAt) / 1_000_000_000L);
                return queued[0] <= roomAt;
              });
      refuse(pause);
      advance((ReceiveAdmission.MAX_READ_PAUSE_MILLIS + 1) * MS);
      assertTrue(reading(), "resumed at " + perSecond + "/s");
      assertTrue(queued[0] > 0, "the inbox ran dry at " + perSecond + "/s: " + checks);
    }
  }
}
