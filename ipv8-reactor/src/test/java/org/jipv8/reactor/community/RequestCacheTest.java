package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Mirrors the behaviours of py-ipv8's test_requestcache.py that the engine needs, on virtual time.
 */
class RequestCacheTest {
  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final List<String> timedOut = new ArrayList<>();
  private final RequestCache caches = new RequestCache(time);

  @AfterEach
  void tearDown() {
    time.dispose();
  }

  private class Recording extends NumberCache {
    private final Duration timeout;

    Recording(String prefix, long number, Duration timeout) {
      super(prefix, number);
      this.timeout = timeout;
    }

    Recording(String prefix, long number) {
      this(prefix, number, DEFAULT_TIMEOUT);
    }

    @Override
    public Duration timeout() {
      return timeout;
    }

    @Override
    public void onTimeout() {
      timedOut.add(prefix() + ":" + number());
    }
  }

  private final class Other extends Recording {
    Other(String prefix, long number) {
      super(prefix, number);
    }
  }

  @Test
  void aCacheTimesOutAfterTenSecondsByDefault() {
    caches.add(new Recording("ping", 1));

    time.advanceTimeBy(Duration.ofMillis(9_999));
    assertTrue(caches.has("ping", 1));
    assertEquals(List.of(), timedOut);

    time.advanceTimeBy(Duration.ofMillis(1));
    assertFalse(caches.has("ping", 1));
    assertEquals(List.of("ping:1"), timedOut);
  }

  @Test
  void aCacheCanChooseItsTimeout() {
    caches.add(new Recording("ping", 1, Duration.ofSeconds(5)));

    time.advanceTimeBy(Duration.ofSeconds(5));

    assertEquals(List.of("ping:1"), timedOut);
  }

  @Test
  void aDuplicateIsRefusedAndTheFirstStays() {
    Recording first = new Recording("ping", 1);
    assertSame(first, caches.add(first));

    assertNull(caches.add(new Recording("ping", 1)));
    assertSame(first, caches.get("ping", 1));
    assertEquals(1, caches.size());
  }

  @Test
  void theSameNumberUnderAnotherPrefixIsADifferentCache() {
    caches.add(new Recording("ping", 1));
    assertTrue(caches.add(new Recording("pong", 1)) != null);
    assertEquals(2, caches.size());
  }

  @Test
  void poppingReturnsTheCacheAndCancelsItsTimeout() {
    Recording c = caches.add(new Recording("ping", 1));

    assertSame(c, caches.pop("ping", 1));
    time.advanceTimeBy(Duration.ofSeconds(20));

    assertFalse(caches.has("ping", 1));
    assertEquals(List.of(), timedOut);
  }

  @Test
  void poppingAMissingCacheThrowsNamingTheIdentifier() {
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> caches.pop("ping", 7));
    assertTrue(e.getMessage().contains("ping:7"), e.getMessage());
  }

  @Test
  void typedAccessOnlyMatchesTheRightType() {
    Recording c = caches.add(new Recording("ping", 1));

    assertSame(c, caches.get(Recording.class, "ping", 1));
    assertNull(caches.get(Other.class, "ping", 1));
    assertThrows(NoSuchElementException.class, () -> caches.pop(Other.class, "ping", 1));
    assertTrue(caches.has("ping", 1));
    assertSame(c, caches.pop(Recording.class, "ping", 1));
  }

  @Test
  void shutdownCancelsTimeoutsAndRefusesNewCaches() {
    caches.add(new Recording("ping", 1));

    caches.shutdown();
    assertNull(caches.add(new Recording("ping", 2)));
    time.advanceTimeBy(Duration.ofSeconds(20));

    assertTrue(caches.isShutdown());
    assertEquals(0, caches.size());
    assertEquals(List.of(), timedOut);
  }

  @Test
  void clearForgetsEverythingButAcceptsNewCaches() {
    caches.add(new Recording("ping", 1));
    caches.clear();
    caches.add(new Recording("ping", 2));
    time.advanceTimeBy(Duration.ofSeconds(20));

    assertEquals(List.of("ping:2"), timedOut);
  }

  @Test
  void aThrowingOnTimeoutIsCountedAndOtherCachesStillTimeOut() {
    caches.add(
        new NumberCache("bad", 1) {
          @Override
          public void onTimeout() {
            throw new IllegalStateException("boom");
          }
        });
    caches.add(new Recording("ping", 2, Duration.ofSeconds(11)));

    time.advanceTimeBy(Duration.ofSeconds(20));

    assertEquals(1, caches.timeoutErrors());
    assertEquals(List.of("ping:2"), timedOut);
    assertEquals(0, caches.size());
  }

  @Test
  void aNonPositiveTimeoutIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> caches.add(new Recording("ping", 1, Duration.ZERO)));
  }

  /** Answers the given values in turn, then repeats the last one. */
  private static RandomGenerator sequence(int... values) {
    return new RandomGenerator() {
      private int i;

      @Override
      public long nextLong() {
        return values[Math.min(i++, values.length - 1)];
      }

      @Override
      public int nextInt(int bound) {
        return (int) nextLong();
      }
    };
  }

  @Test
  void randomNumbersSkipNumbersInUse() {
    RequestCache c = new RequestCache(time, sequence(5, 5, 9));
    c.add(new Recording("ping", 5));

    assertEquals(9, c.randomNumber("ping"));
  }

  @Test
  void randomNumbersGiveUpAfterAThousandTries() {
    RequestCache c = new RequestCache(time, sequence(5));
    c.add(new Recording("ping", 5));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> c.randomNumber("ping"));
    assertTrue(e.getMessage().contains("1000"), e.getMessage());
  }

  @Test
  void randomNumbersAreBelow65536() {
    RequestCache c = new RequestCache(time, new SplittableRandom(1));
    for (int i = 0; i < 1000; i++) {
      long n = c.randomNumber("ping");
      assertTrue(n >= 0 && n < 65536);
    }
  }

  @Test
  void addRandomStoresACacheUnderAFreeNumber() {
    RequestCache c = new RequestCache(time, sequence(3, 4));
    c.add(new Recording("ping", 3));

    Recording added = c.addRandom("ping", n -> new Recording("ping", n));

    assertEquals(4, added.number());
    assertSame(added, c.get("ping", 4));
  }
}
