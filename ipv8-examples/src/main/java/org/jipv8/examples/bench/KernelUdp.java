package org.jipv8.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Datagrams the kernel dropped for one UDP socket (its receive buffer was full), from the last
 * column of {@code /proc/net/udp} (Linux). Elsewhere, or when the socket is not listed, -1.
 */
final class KernelUdp {
  private static final Path TABLE = Path.of("/proc/net/udp");

  private KernelUdp() {}

  /** The kernel's drop counter of the IPv4 UDP socket bound to {@code port}, or -1. */
  static long drops(int port) {
    List<String> lines;
    try {
      lines = Files.readAllLines(TABLE);
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
    return drops(lines, port);
  }

  static long drops(List<String> lines, int port) {
    String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
    for (String line : lines) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 13 || !f[0].endsWith(":") || !f[1].endsWith(suffix)) {
        continue;
      }
      try {
        return Long.parseLong(f[f.length - 1]);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
