package org.jipv8.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cores the sender and the receiver are pinned to: the first two this process may run on
 * (Linux {@code Cpus_allowed_list}), when {@code taskset} is on the PATH; otherwise none (-1).
 *
 * @param sender the sender's core, or -1
 * @param receiver the receiver's core, or -1
 */
record Cores(int sender, int receiver) {
  static final Cores NONE = new Cores(-1, -1);

  /** Whether the children are pinned. */
  boolean pinned() {
    return receiver >= 0;
  }

  static Cores choose(boolean pin) {
    if (!pin || !onPath("taskset")) {
      return NONE;
    }
    List<Integer> allowed = allowed();
    return allowed.size() >= 2 ? new Cores(allowed.get(0), allowed.get(1)) : NONE;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> allowed() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return parseList(line.substring(line.indexOf(':') + 1).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or unreadable: no pinning.
    }
    return List.of();
  }

  /** Parses a CPU list such as {@code 0-3,6}. */
  static List<Integer> parseList(String list) {
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] range = part.strip().split("-");
      int from = Integer.parseInt(range[0]);
      int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
      for (int c = from; c <= to; c++) {
        out.add(c);
      }
    }
    return out;
  }
}
