package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The strategy loop on virtual time. */
class StrategySchedulerTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final List<String> steps = new ArrayList<>();
  private Supplier<Mono<Void>> flush = Mono::empty;
  private StrategyScheduler loop;

  @AfterEach
  void tearDown() {
    if (loop != null) {
      loop.stop();
    }
    time.dispose();
  }

  /** A strategy that logs "name@millis" on each step, with a settable peer count. */
  private final class Recording extends AbstractDiscoveryStrategy<Overlay> {
    final String name;
    final AtomicInteger peerCount = new AtomicInteger();
    RuntimeException stepFailure;
    RuntimeException countFailure;

    Recording(String name, Overlay overlay) {
      super(overlay);
      this.name = name;
    }

    Recording(String name) {
      this(name, null);
    }

    @Override
    public void takeStep() {
      steps.add(name + "@" + time.now(TimeUnit.MILLISECONDS));
      if (stepFailure != null) {
        throw stepFailure;
      }
    }

    @Override
    public int getPeerCount() {
      if (countFailure != null) {
        throw countFailure;
      }
      return peerCount.get();
    }
  }

  private StrategyScheduler loop(Duration interval) {
    loop = new StrategyScheduler(() -> flush.get(), time, interval);
    return loop;
  }

  private StrategyScheduler loop() {
    return loop(StrategyScheduler.DEFAULT_WALKER_INTERVAL);
  }

  private void advance(long millis) {
    time.advanceTimeBy(Duration.ofMillis(millis));
  }

  @Test
  void theFirstRoundRunsAtOnceAndStrategiesStepInRegistrationOrder() {
    loop().add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);
    loop.add(new Recording("c"), -1);

    loop.start();
    assertEquals(List.of("a@0", "b@0", "c@0"), steps);

    advance(500);
    assertEquals(List.of("a@0", "b@0", "c@0", "a@500", "b@500", "c@500"), steps);
    assertEquals(2, loop.statistics().rounds());
    assertEquals(6, loop.statistics().stepsTaken());
  }

  @Test
  void stepsAreSkippedOnceTargetPeersIsReached() {
    Recording a = new Recording("a");
    a.peerCount.set(20);
    loop().add(a, 20);
    loop.add(new Recording("b"), -1);

    loop.start();
    advance(1000);

    assertEquals(List.of("b@0", "b@500", "b@1000"), steps);
    assertEquals(3, loop.statistics().stepsSkippedAtTarget());
  }

  @Test
  void stepsResumeWhenThePeerCountDipsBelowTheTarget() {
    Recording a = new Recording("a");
    a.peerCount.set(20);
    loop().add(a, 20);
    loop.start();

    a.peerCount.set(19);
    advance(500);
    a.peerCount.set(25);
    advance(500);

    assertEquals(List.of("a@500"), steps);
  }

  @Test
  void aTargetOfMinusOneAlwaysStepsAndZeroNever() {
    Recording always = new Recording("always");
    always.peerCount.set(1_000_000);
    loop().add(always, -1);
    loop.add(new Recording("never"), 0);
    loop.add(new Recording("alsoNever"), -2);

    loop.start();
    advance(500);

    assertEquals(List.of("always@0", "always@500"), steps);
  }

  @Test
  void ticksArrivingDuringASlowFlushAreDroppedAndCounted() {
    flush = () -> Mono.delay(Duration.ofMillis(1200), time).then();
    loop().add(new Recording("a"), -1);

    loop.start();
    advance(1600);

    // Round 1 occupies [0, 1200]: the ticks at 500 and 1000 find it busy. Round 2 starts at 1500.
    assertEquals(List.of("a@0", "a@1500"), steps);
    assertEquals(2, loop.statistics().ticksDropped());
    assertEquals(2, loop.statistics().rounds());
  }

  @Test
  void theNextStepWaitsForTheFlushOfThePreviousOne() {
    Sinks.Empty<Void> pending = Sinks.empty();
    AtomicInteger flushes = new AtomicInteger();
    flush = () -> flushes.getAndIncrement() == 0 ? pending.asMono() : Mono.empty();
    loop().add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);

    loop.start();
    advance(100);
    assertEquals(List.of("a@0"), steps);

    pending.tryEmitEmpty();
    assertEquals(List.of("a@0", "b@100"), steps);
  }

  @Test
  void aSkippedStepIsNotFlushed() {
    AtomicInteger flushes = new AtomicInteger();
    flush =
        () -> {
          flushes.incrementAndGet();
          return Mono.empty();
        };
    loop().add(new Recording("a"), 0);
    loop.add(new Recording("b"), -1);

    loop.start();

    assertEquals(1, flushes.get());
  }

  @Test
  void aThrowingStepIsCountedAndTheLoopGoesOn() {
    Recording bad = new Recording("bad");
    bad.stepFailure = new IllegalStateException("step failed on purpose");
    loop().add(bad, -1);
    loop.add(new Recording("good"), -1);

    loop.start();
    advance(500);

    assertEquals(List.of("bad@0", "good@0", "bad@500", "good@500"), steps);
    assertEquals(2, loop.statistics().stepErrors());
    assertTrue(loop.isRunning());
  }

  @Test
  void aThrowingPeerCountIsCountedAndTheLoopGoesOn() {
    Recording bad = new Recording("bad");
    bad.countFailure = new IllegalStateException("count failed on purpose");
    loop().add(bad, 5);
    loop.add(new Recording("good"), -1);

    loop.start();
    advance(500);

    assertEquals(List.of("good@0", "good@500"), steps);
    assertEquals(2, loop.statistics().stepErrors());
  }

  @Test
  void aFailingFlushIsCountedAndTheLoopGoesOn() {
    flush = () -> Mono.error(new IllegalStateException("flush failed on purpose"));
    loop().add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);

    loop.start();
    advance(500);

    assertEquals(List.of("a@0", "b@0", "a@500", "b@500"), steps);
    assertEquals(4, loop.statistics().flushErrors());
  }

  @Test
  void strategiesCanBeAddedAndRemovedAtRuntime() {
    Recording a = new Recording("a");
    loop().add(a, -1);
    loop.start();

    loop.add(new Recording("b"), -1);
    advance(500);
    assertTrue(loop.remove(a));
    advance(500);
    assertFalse(loop.remove(a));

    assertEquals(List.of("a@0", "a@500", "b@500", "b@1000"), steps);
  }

  @Test
  void removeAllDropsEveryStrategyOfAnOverlay() {
    FakeOverlay overlay = new FakeOverlay(1);
    loop().add(new Recording("a", overlay), -1);
    loop.add(new Recording("b"), -1);
    loop.add(new Recording("c", overlay), -1);

    assertEquals(2, loop.removeAll(overlay));
    loop.start();

    assertEquals(List.of("b@0"), steps);
    assertEquals(1, loop.registrations().size());
  }

  @Test
  void aStrategyRemovedDuringARoundDoesNotStepInIt() {
    Sinks.Empty<Void> pending = Sinks.empty();
    AtomicInteger flushes = new AtomicInteger();
    flush = () -> flushes.getAndIncrement() == 0 ? pending.asMono() : Mono.empty();
    loop().add(new Recording("a"), -1);
    Recording b = new Recording("b");
    loop.add(b, -1);

    loop.start();
    loop.remove(b);
    pending.tryEmitEmpty();

    assertEquals(List.of("a@0"), steps);
  }

  @Test
  void nothingRunsAfterStop() {
    loop().add(new Recording("a"), -1);
    Disposable handle = loop.start();
    advance(500);

    loop.stop();
    advance(5000);

    assertEquals(List.of("a@0", "a@500"), steps);
    assertFalse(loop.isRunning());
    assertTrue(handle.isDisposed());
    loop.stop();
  }

  @Test
  void stoppingDuringAFlushCancelsTheRestOfTheRound() {
    Sinks.Empty<Void> pending = Sinks.empty();
    flush = pending::asMono;
    loop().add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);

    loop.start().dispose();
    pending.tryEmitEmpty();
    advance(5000);

    assertEquals(List.of("a@0"), steps);
  }

  @Test
  void theLoopCanBeRestartedAfterStopButNotStartedTwice() {
    loop().add(new Recording("a"), -1);
    loop.start();
    assertThrows(IllegalStateException.class, loop::start);

    loop.stop();
    advance(200);
    loop.start();

    assertEquals(List.of("a@0", "a@200"), steps);
  }

  @Test
  void roundsAreSkippedWhileTheEndpointIsClosed() {
    AtomicBoolean open = new AtomicBoolean(false);
    loop = new StrategyScheduler(Mono::empty, open::get, time, Duration.ofMillis(500));
    loop.add(new Recording("a"), -1);

    loop.start();
    advance(1000);
    open.set(true);
    advance(500);

    assertEquals(List.of("a@1500"), steps);
    assertEquals(3, loop.statistics().roundsSkippedClosed());
    assertEquals(1, loop.statistics().rounds());
  }

  @Test
  void withTheDefaultIntervalStrategiesRunBackToBack() {
    loop().add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);

    loop.start();

    assertEquals(List.of("a@0", "b@0"), steps);
  }

  @Test
  void aLongIntervalSpreadsStrategiesByWholeSecondsIncludingSkippedOnes() {
    // interval 4 s, 3 strategies: smooth = floor(4/3) = 1 s between strategies, none after the
    // last.
    loop(Duration.ofSeconds(4)).add(new Recording("a"), -1);
    loop.add(new Recording("skipped"), 0);
    loop.add(new Recording("c"), -1);

    loop.start();
    advance(4000);

    assertEquals(List.of("a@0", "c@2000", "a@4000"), steps);
    advance(2000);
    assertEquals(List.of("a@0", "c@2000", "a@4000", "c@6000"), steps);
    assertEquals(0, loop.statistics().ticksDropped());
  }

  @Test
  void theSmoothingDelayDeductsTheStepAndFlushTime() {
    flush = () -> Mono.delay(Duration.ofMillis(300), time).then();
    loop(Duration.ofSeconds(3)).add(new Recording("a"), -1);
    loop.add(new Recording("b"), -1);

    loop.start();
    advance(1000);

    // smooth = floor(3/2) = 1 s, of which the flush took 0.3 s.
    assertEquals(List.of("a@0", "b@1000"), steps);
  }

  @Test
  void aNonPositiveIntervalIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StrategyScheduler(Mono::empty, time, Duration.ZERO));
  }

  @Test
  void stepsRunOnTheProtocolSchedulerEvenWhenTheFlushCompletesElsewhere() throws Exception {
    Scheduler protocol = Schedulers.newSingle("protocol-test");
    Scheduler other = Schedulers.newSingle("other-test");
    try {
      List<String> threads = new CopyOnWriteArrayList<>();
      CountDownLatch twoSteps = new CountDownLatch(2);
      StrategyScheduler real =
          new StrategyScheduler(
              () -> Mono.<Void>empty().publishOn(other), protocol, Duration.ofSeconds(1));
      for (String n : List.of("a", "b")) {
        real.add(
            new AbstractDiscoveryStrategy<Overlay>(null) {
              @Override
              public void takeStep() {
                threads.add(Thread.currentThread().getName());
                twoSteps.countDown();
              }
            },
            -1);
      }
      real.start();
      assertTrue(twoSteps.await(10, TimeUnit.SECONDS));
      real.stop();
      assertTrue(threads.size() >= 2, threads.toString());
      assertTrue(threads.stream().allMatch(t -> t.startsWith("protocol-test")), threads.toString());
    } finally {
      protocol.dispose();
      other.dispose();
    }
  }
}
