package org.jipv8.examples.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The entry point of a bench child process: {@code receiver <mode>}, {@code sender <mode> <port>
 * <rate>}, {@code limits <seconds>} or {@code train <seconds>} (see {@link CdsArchive}). The parent
 * ({@link BenchRunner}) talks to it by lines: the child prints {@code READY <port>}, then obeys
 * {@code START}, {@code MARK} (the measured window begins) and {@code STOP} (it ends) from stdin,
 * prints {@code RESULT <json>} and exits. Logs go to stderr; stdout carries only the protocol.
 */
public final class BenchChild {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a child does between the protocol lines. */
  interface Role {
    /** Binds or prepares; returns the port to report (0 when none). */
    int prepare() throws Exception;

    /** The clock started (the run, including the warm-up). */
    void start();

    /** The measured window starts. */
    void mark();

    /** The measured window ends: the result. */
    Map<String, Object> stop() throws Exception;
  }

  private BenchChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length >= 2 && args[0].equals("limits")) {
      out.println("RESULT " + json(SignatureLimits.measure(Double.parseDouble(args[1]))));
      return;
    }
    if (args.length >= 2 && args[0].equals("train")) {
      out.println("RESULT " + json(BenchTraining.run(Double.parseDouble(args[1]))));
      // Exits normally, so that -XX:ArchiveClassesAtExit writes the archive.
      System.exit(0);
    }
    Role role = role(args);
    out.println("READY " + role.prepare());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      switch (line.strip()) {
        case "START" -> role.start();
        case "MARK" -> role.mark();
        case "STOP" -> {
          out.println("RESULT " + json(role.stop()));
          System.exit(0);
        }
        default -> System.err.println("bench child: unknown command " + line);
      }
    }
    // The parent went away: do not linger.
    System.exit(1);
  }

  private static Role role(String[] args) {
    if (args.length == 2 && args[0].equals("receiver")) {
      return new BenchReceiver(BenchMode.fromKey(args[1]));
    }
    if (args.length == 4 && args[0].equals("sender")) {
      return new BenchSender(
          BenchMode.fromKey(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
    }
    throw new IllegalArgumentException(
        "usage: BenchChild receiver <mode> | sender <mode> <port> <rate> | limits <seconds>"
            + " | train <seconds>");
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper mapper() {
    return JSON;
  }
}
