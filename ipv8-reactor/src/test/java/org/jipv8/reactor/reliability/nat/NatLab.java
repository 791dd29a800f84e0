package org.jipv8.reactor.reliability.nat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives {@code scripts/nat/nat-lab.sh} from a test: builds the namespaces, starts Java processes
 * inside them, collects their stdout lines, and removes everything on {@link #close()}.
 */
final class NatLab implements AutoCloseable {
  static final Path SCRIPT = Path.of("..", "scripts", "nat", "nat-lab.sh").toAbsolutePath();
  static final String TRACKER = "198.51.100.1:7759";

  /** One process inside a namespace and the lines it printed. */
  static final class Proc {
    final String name;
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Proc(String name, Process process) {
      this.name = name;
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (var r = process.inputReader(StandardCharsets.UTF_8)) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("READ-FAILED " + e);
                }
              },
              "nat-lab-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    boolean printed(String prefix) {
      return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    List<String> matching(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }
  }

  private final String tag;
  private final List<Proc> procs = new ArrayList<>();
  private final Path logs;

  private NatLab(String tag, Path logs) {
    this.tag = tag;
    this.logs = logs;
  }

  /** Why the lab cannot run here, or null when it can. */
  static String unavailable() {
    if (!Files.isExecutable(SCRIPT)) {
      return "no " + SCRIPT;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "needs root for network namespaces (user is " + System.getProperty("user.name") + ")";
    }
    for (String tool : new String[] {"ip", "nft"}) {
      if (run(List.of("sh", "-c", "command -v " + tool)) != 0) {
        return "'" + tool + "' is not installed (apt-get install -y iproute2 nftables)";
      }
    }
    String probe = "jprobe" + ProcessHandle.current().pid();
    if (run(List.of("ip", "netns", "add", probe)) != 0) {
      return "'ip netns add' does not work here";
    }
    run(List.of("ip", "netns", "del", probe));
    return null;
  }

  static NatLab up(String mode) throws IOException {
    String tag = mode.substring(0, 1) + (ProcessHandle.current().pid() % 100_000);
    Path logs = Files.createDirectories(Path.of("target", "nat-lab-" + tag));
    NatLab lab = new NatLab(tag, logs);
    run(List.of(SCRIPT.toString(), "down", tag));
    if (run(List.of(SCRIPT.toString(), "up", mode, tag)) != 0) {
      lab.close();
      throw new IllegalStateException("nat-lab.sh up " + mode + " " + tag + " failed");
    }
    return lab;
  }

  String namespace(String host) {
    return "j" + tag + "-" + host;
  }

  /** Starts {@link NatNodeMain} with {@code args} inside namespace {@code host}. */
  Proc start(String host, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host), java));
    cmd.addAll(List.of("-Xmx128m", "-cp", cp, NatNodeMain.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // The lab's addresses are not loopback: the child runs without the test JVMs' guard variable.
    pb.environment().remove("JIPV8_LOOPBACK_ONLY");
    pb.redirectError(logs.resolve(host + ".err").toFile());
    Proc p = new Proc(host, pb.start());
    procs.add(p);
    return p;
  }

  /** Polls {@code condition} until true or {@code timeout}; returns whether it became true. */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return condition.getAsBoolean();
  }

  /** The namespaces of this lab still present. */
  List<String> remainingNamespaces() {
    List<String> out = new ArrayList<>();
    try {
      Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
      String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      for (String line : all.split("\n")) {
        if (line.startsWith("j" + tag + "-")) {
          out.add(line.split(" ")[0]);
        }
      }
    } catch (IOException e) {
      out.add("cannot list: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  @Override
  public void close() {
    for (Proc p : procs) {
      p.process.destroy();
    }
    for (Proc p : procs) {
      try {
        if (!p.process.waitFor(5, TimeUnit.SECONDS)) {
          p.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        Files.write(logs.resolve(p.name + ".out"), p.lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        // the log copy is a convenience; the test's assertions already carry the lines
      }
    }
    run(List.of(SCRIPT.toString(), "down", tag));
  }

  private static int run(List<String> cmd) {
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/nat-lab.log")))
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
