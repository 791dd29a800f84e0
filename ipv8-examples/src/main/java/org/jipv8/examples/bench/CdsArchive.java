package org.jipv8.examples.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An application class-data-sharing archive (AppCDS, a dynamic archive of Java 13+) of the bench
 * children's classes: Netty, Reactor, Bouncy Castle, Jackson and the engine, parsed, verified and
 * laid out once so that a fresh child maps them instead of loading them from the jar.
 *
 * <p>The archive is built on first use by a training child ({@code BenchChild train}, started with
 * {@code -XX:ArchiveClassesAtExit}) that runs every mode's receiver and sender briefly in one JVM,
 * then kept in {@code <java.io.tmpdir>/jipv8-bench-cds/} under a name derived from the JVM and from
 * the path, size and modification time of every class path entry: a rebuilt jar or another JVM gets
 * a new archive. Children then start with {@code -XX:SharedArchiveFile=<archive>}; a JVM that
 * cannot use it (another JVM build, a changed jar) ignores it and loads classes as usual ({@code
 * -Xshare:auto}, the default), so the archive changes start-up cost, never behaviour.
 */
final class CdsArchive {
  /** Seconds the training child runs each mode. */
  static final double TRAIN_SECONDS_PER_MODE = 1.5;

  private CdsArchive() {}

  /**
   * The archive for this JVM and class path, built first when missing; empty when the JVM wrote
   * none (e.g. a class path with directories, which AppCDS does not archive), after a note on
   * {@code progress}.
   */
  static Optional<Path> ensure(List<String> jvmArgs, PrintStream progress)
      throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "jipv8-bench-cds");
    Path archive = dir.resolve("bench-" + key() + ".jsa");
    if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
      return Optional.of(archive);
    }
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, "partial-", ".jsa");
    Files.delete(partial);
    if (progress != null) {
      progress.println("cds: training the archive " + archive + " (once per jar and JVM)");
    }
    List<String> args = new ArrayList<>(jvmArgs);
    args.add("-XX:ArchiveClassesAtExit=" + partial);
    try (ChildProcess c =
        ChildProcess.start("cds-train", -1, args, "train", "" + TRAIN_SECONDS_PER_MODE)) {
      c.result();
      c.awaitExit();
    }
    if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
      Files.deleteIfExists(partial);
      if (progress != null) {
        progress.println(
            "cds: the training JVM wrote no archive (AppCDS archives classes from jars only:"
                + " run the bench from ipv8.jar); the children start without one");
      }
      return Optional.empty();
    }
    try {
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
    }
    return Optional.of(archive);
  }

  /** A digest of the JVM and of every class path entry's path, size and modification time. */
  static String key() throws IOException {
    StringBuilder id = new StringBuilder();
    id.append(System.getProperty("java.home"))
        .append('|')
        .append(System.getProperty("java.vm.version"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      id.append('|').append(p);
      if (Files.exists(p)) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        id.append(':').append(a.size()).append(':').append(a.lastModifiedTime().toMillis());
      }
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
