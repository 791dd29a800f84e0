package org.jipv8.reactor.endpoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import reactor.core.scheduler.Schedulers;

/**
 * The kernel's count of datagrams it dropped for one UDP socket (its receive buffer was full, or
 * the checksum was bad) before the endpoint could read them: the {@code drops} column of Linux's
 * {@code /proc/net/udp} ({@code udp6} for IPv6), found by the socket's local address and port.
 *
 * <p>Reading the file is a small blocking read of a virtual file, so it is never done on a
 * non-blocking (Netty or Reactor parallel) thread: there {@link #read()} returns the value last
 * read elsewhere. Elsewhere, or where {@code /proc} does not exist, it reads (0 when unknown).
 */
final class KernelDrops {
  private final Path table;
  private final String localKey;
  private volatile long last;

  private KernelDrops(Path table, String localKey) {
    this.table = table;
    this.localKey = localKey;
  }

  /** The reader for a socket bound to {@code local}. */
  static KernelDrops of(InetSocketAddress local) {
    byte[] ip = local.getAddress().getAddress();
    Path table = Path.of(ip.length == 4 ? "/proc/net/udp" : "/proc/net/udp6");
    return new KernelDrops(table, procAddress(ip) + ":" + hex4(local.getPort()));
  }

  /** The drops counted so far (the last value read when called on a non-blocking thread). */
  long read() {
    if (!Schedulers.isInNonBlockingThread()) {
      OptionalLong now = readNow();
      if (now.isPresent()) {
        last = now.getAsLong();
      }
    }
    return last;
  }

  /** Reads the table now; empty when there is no table or no row for the socket. */
  OptionalLong readNow() {
    List<String> lines;
    try {
      lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException e) {
      return OptionalLong.empty();
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] columns = lines.get(i).trim().split("\\s+");
      if (columns.length >= 13 && columns[1].equalsIgnoreCase(localKey)) {
        try {
          return OptionalLong.of(Long.parseLong(columns[columns.length - 1]));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** The key of a local address as the kernel prints it: 32-bit words in the machine's order. */
  static String procAddress(byte[] ip) {
    StringBuilder out = new StringBuilder(ip.length * 2);
    boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    for (int word = 0; word < ip.length; word += 4) {
      for (int b = 0; b < 4; b++) {
        int index = little ? word + 3 - b : word + b;
        out.append(HexFormat.of().toHexDigits(ip[index]));
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  private static String hex4(int port) {
    return String.format(Locale.ROOT, "%04X", port);
  }

  @Override
  public String toString() {
    return table + " " + localKey;
  }
}
