package org.jipv8.examples.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bench child JVM ({@link BenchChild}) started from this process's own class path, pinned to a
 * core with {@code taskset} when one is given, spoken to by lines. Its stderr goes to a temporary
 * file whose tail is shown when the child fails. Not thread-safe: one owner.
 */
final class ChildProcess implements AutoCloseable {
  private static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final Path log;
  private final PrintWriter in;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.in =
        new PrintWriter(
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
            true);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // The child went away; waitFor reports it.
              }
            },
            "bench-" + name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code BenchChild args} in a new JVM.
   *
   * @param cpu the core to pin it to, or -1 for no pinning
   * @param jvmArgs extra JVM options
   */
  static ChildProcess start(String name, int cpu, List<String> jvmArgs, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    if (cpu >= 0) {
      cmd.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
    }
    cmd.add(javaExecutable());
    cmd.addAll(jvmArgs);
    cmd.addAll(
        List.of(
            "-cp",
            classPath(),
            "-Djipv8.loopbackOnly=true",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            BenchChild.class.getName()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile("jipv8-bench-" + name, ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    pb.environment().put("JIPV8_LOOPBACK_ONLY", "true");
    return new ChildProcess(name, pb.start(), log);
  }

  /**
   * This process's class path with absolute entries, so that a child (and a class-data-sharing
   * archive, which records the class path it was built with) does not depend on the directory.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(e.isEmpty() ? e : Path.of(e).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Sends one command line. */
  void send(String command) {
    in.println(command);
  }

  /** The next line starting with {@code tag + " "}, without the tag. */
  String expect(String tag) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LINE_TIMEOUT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw failure("no " + tag + " line within " + LINE_TIMEOUT.toSeconds() + " s");
      }
      if (line.startsWith(tag + " ")) {
        return line.substring(tag.length() + 1);
      }
    }
  }

  /** The next {@code RESULT} line, parsed. */
  Map<String, Object> result() throws IOException, InterruptedException {
    return BenchChild.mapper().readValue(expect("RESULT"), new TypeReference<>() {});
  }

  /** CPU seconds the process has used so far (user + system, all threads), or -1 if unknown. */
  double cpuSeconds() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
  }

  private IOException failure(String what) {
    String tail;
    try {
      List<String> all = Files.readAllLines(log);
      tail = String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    } catch (IOException e) {
      tail = "(no log: " + e.getMessage() + ")";
    }
    return new IOException(
        "bench " + name + " child: " + what + (process.isAlive() ? "" : ", exited") + "\n" + tail);
  }

  /** Closes the child's stdin and waits (60 s at most) until it has exited. */
  void awaitExit() throws IOException, InterruptedException {
    in.close();
    if (!process.waitFor(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw failure("did not exit within " + LINE_TIMEOUT.toSeconds() + " s");
    }
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A leftover temporary file is harmless.
    }
  }
}
