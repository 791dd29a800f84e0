package org.jipv8.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for a command that runs until stopped: the shutdown hook opens a latch and then waits (at
 * most 15 s) for the command to stop its node and print its summary, so the summary is not lost
 * when the JVM exits.
 */
final class Interruption {
  /** The watch part of a command: returns when the latch opens or its own limit is reached. */
  interface Watch {
    void run(CountDownLatch stopped) throws InterruptedException;
  }

  private Interruption() {}

  static void runUntilStopped(Watch watch, Runnable release) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                finished.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ipv8-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      watch.run(stopped);
    } finally {
      try {
        release.run();
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook is running and waits for us; nothing to remove.
        }
      }
    }
  }
}
