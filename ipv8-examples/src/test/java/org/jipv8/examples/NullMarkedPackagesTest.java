package org.jipv8.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of every module documents its nullness: {@code @NullMarked} (JSpecify). */
class NullMarkedPackagesTest {

  @Test
  void everyMainPackageHasANullMarkedPackageInfo() throws IOException {
    List<String> missing;
    try (Stream<Path> files = Files.walk(Path.of(".."), 12)) {
      missing =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/starter/"))
              .filter(p -> !p.toString().contains("/target/"))
              .map(Path::getParent)
              .distinct()
              .filter(NullMarkedPackagesTest::notMarked)
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(
        List.of(),
        missing,
        "add a package-info.java with @NullMarked (org.jspecify.annotations) to these packages");
  }

  private static boolean notMarked(Path dir) {
    Path info = dir.resolve("package-info.java");
    try {
      return !Files.exists(info) || !Files.readString(info).contains("@NullMarked");
    } catch (IOException e) {
      return true;
    }
  }
}
