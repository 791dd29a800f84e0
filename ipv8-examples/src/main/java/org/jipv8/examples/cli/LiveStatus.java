package org.jipv8.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the watch loop of {@code node} and {@code tracker}: looks at the source four times a second,
 * prints its event lines, redraws the status line once a second on a terminal (every ten seconds,
 * one line each, when the output is a file or a pipe), and prints the summary when the run ends
 * (time is up or Ctrl-C).
 */
final class LiveStatus {

  /** What is watched. Called from the loop's thread only. */
  interface Source {
    /** Events since the last call, one line each (for example a peer found). */
    List<String> poll();

    /** The one-line status after {@code seconds}. */
    String statusLine(double seconds);

    /** The table printed at the end. */
    String summary(double seconds);
  }

  private static final Duration TICK = Duration.ofMillis(250);

  private final Source source;
  private final PrintWriter out;
  private final boolean quiet;
  private final boolean tty;

  LiveStatus(Source source, PrintWriter out, boolean quiet, boolean tty) {
    this.source = source;
    this.out = out;
    this.quiet = quiet;
    this.tty = tty;
  }

  /**
   * Watches until {@code stopped} opens or {@code limit} has passed (null: no limit), then prints
   * the summary.
   */
  void run(CountDownLatch stopped, @Nullable Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    long every = tty ? 1_000 : 10_000;
    long lastStatus = -every;
    while (true) {
      boolean stop = stopped.await(TICK.toMillis(), TimeUnit.MILLISECONDS);
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      boolean late = limit != null && elapsed >= limit.toMillis();
      List<String> events = source.poll();
      if (!events.isEmpty()) {
        if (tty && !quiet) {
          out.print("\r\033[K");
        }
        events.forEach(out::println);
      }
      if (!quiet && (elapsed - lastStatus >= every || !events.isEmpty() && tty)) {
        String line = source.statusLine(elapsed / 1000.0);
        if (tty) {
          out.print("\r\033[K" + line);
        } else {
          out.println(line);
        }
        lastStatus = elapsed - elapsed % 1000;
      }
      out.flush();
      if (stop || late) {
        if (tty && !quiet) {
          out.println();
        }
        out.print(source.summary(elapsed / 1000.0));
        out.flush();
        return;
      }
    }
  }
}
