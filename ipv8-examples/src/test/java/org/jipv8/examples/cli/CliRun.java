package org.jipv8.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the {@code ipv8} command line as a user would, in this JVM, and keeps what it printed on
 * standard output and standard error (accumulated over every run). One per test instance; not
 * thread-safe.
 */
public final class CliRun {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code ipv8 args...} and returns its exit code. */
  public int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  /** Everything printed on standard output so far. */
  public String out() {
    return out.toString();
  }

  /** Everything printed on standard error so far. */
  public String err() {
    return err.toString();
  }
}
