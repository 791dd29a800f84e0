package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Periodic and delayed tasks on virtual time; unlike py-ipv8 (A20), tasks survive exceptions. */
class PeriodicTasksTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final PeriodicTasks tasks = new PeriodicTasks("TestOwner", time);
  private final List<Long> runs = new ArrayList<>();

  @AfterEach
  void tearDown() {
    tasks.shutdown();
    time.dispose();
  }

  private void record() {
    runs.add(time.now(TimeUnit.MILLISECONDS));
  }

  @Test
  void anIntervalTaskRunsAfterItsDelayThenEveryInterval() {
    tasks.register("tick", Duration.ofMillis(50), Duration.ofMillis(100), this::record);

    time.advanceTimeBy(Duration.ofMillis(340));

    assertEquals(List.of(50L, 150L, 250L), runs);
    assertTrue(tasks.isPending("tick"));
  }

  @Test
  void withoutADelayTheFirstRunIsOneIntervalAway() {
    tasks.register("tick", Duration.ofMillis(100), this::record);

    time.advanceTimeBy(Duration.ofMillis(250));

    assertEquals(List.of(100L, 200L), runs);
  }

  @Test
  void aCancelledTaskStopsRunning() {
    tasks.register("tick", Duration.ofMillis(100), this::record);
    time.advanceTimeBy(Duration.ofMillis(200));

    assertTrue(tasks.cancel("tick"));
    time.advanceTimeBy(Duration.ofMillis(500));

    assertEquals(List.of(100L, 200L), runs);
    assertFalse(tasks.isPending("tick"));
    assertFalse(tasks.cancel("tick"));
  }

  @Test
  void disposingTheHandleCancelsTheTask() {
    Disposable handle = tasks.register("tick", Duration.ofMillis(100), this::record);
    handle.dispose();
    time.advanceTimeBy(Duration.ofMillis(500));

    assertEquals(List.of(), runs);
    assertFalse(tasks.isPending("tick"));
  }

  @Test
  void aTaskSurvivesAnException() {
    tasks.register(
        "flaky",
        Duration.ofMillis(100),
        () -> {
          record();
          if (runs.size() == 1) {
            throw new IllegalStateException("first run fails");
          }
        });

    time.advanceTimeBy(Duration.ofMillis(300));

    assertEquals(List.of(100L, 200L, 300L), runs);
    assertEquals(1, tasks.errorCount());
    assertTrue(tasks.isPending("flaky"));
  }

  @Test
  void aPendingNameCannotBeRegisteredTwice() {
    tasks.register("tick", Duration.ofMillis(100), this::record);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> tasks.schedule("tick", Duration.ofMillis(5), this::record));
    assertTrue(e.getMessage().contains("tick"), e.getMessage());
  }

  @Test
  void aOneShotTaskRunsOnceAndFreesItsName() {
    tasks.schedule("once", Duration.ofMillis(30), this::record);
    assertTrue(tasks.isPending("once"));

    time.advanceTimeBy(Duration.ofMillis(100));

    assertEquals(List.of(30L), runs);
    assertFalse(tasks.isPending("once"));
    tasks.schedule("once", Duration.ofMillis(30), this::record);
    time.advanceTimeBy(Duration.ofMillis(100));
    assertEquals(List.of(30L, 130L), runs);
  }

  @Test
  void aFailingOneShotTaskIsCountedAndUntracked() {
    tasks.schedule(
        "once",
        Duration.ofMillis(30),
        () -> {
          throw new IllegalStateException("boom");
        });
    time.advanceTimeBy(Duration.ofMillis(100));

    assertEquals(1, tasks.errorCount());
    assertFalse(tasks.isPending("once"));
  }

  @Test
  void shutdownCancelsEverythingAndRefusesNewTasks() {
    tasks.register("a", Duration.ofMillis(100), this::record);
    tasks.schedule("b", Duration.ofMillis(100), this::record);

    tasks.shutdown();
    Disposable refused = tasks.register("c", Duration.ofMillis(100), this::record);
    time.advanceTimeBy(Duration.ofMillis(500));

    assertEquals(List.of(), runs);
    assertTrue(refused.isDisposed());
    assertEquals(List.of(), tasks.pendingNames());
    assertTrue(tasks.isShutdown());
  }

  @Test
  void badDurationsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> tasks.register("x", Duration.ZERO, Duration.ZERO, this::record));
    assertThrows(
        IllegalArgumentException.class,
        () -> tasks.schedule("x", Duration.ofMillis(-1), this::record));
  }
}
