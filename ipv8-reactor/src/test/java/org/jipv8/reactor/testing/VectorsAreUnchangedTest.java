package org.jipv8.reactor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The vector copy in the test resources must equal the shared set it was copied from. The shared
 * folder only exists beside a checkout in CI and on developer machines; elsewhere the comparison is
 * skipped, but the presence of every vector file is always checked.
 */
class VectorsAreUnchangedTest {

  private static final List<String> FILES =
      List.of(
          "README.md",
          "keys.json",
          "serializer.json",
          "discovery.json",
          "signed_message.json",
          "malformed.json",
          "dht.json");

  @Test
  void everyVectorFileIsOnTheClasspath() throws IOException {
    for (String name : FILES) {
      try (InputStream in = getClass().getResourceAsStream("/vectors/py-ipv8-3.1/" + name)) {
        assertNotNull(in, "missing vector file " + name + " in the test resources");
      }
    }
  }

  @Test
  void copyEqualsTheSharedVectorsWhenPresent() throws IOException {
    String dir = System.getProperty("jipv8.sharedVectors", "");
    Path shared = dir.isEmpty() ? null : Path.of(dir);
    Assumptions.assumeTrue(
        shared != null && Files.isDirectory(shared), "no ../shared/vectors beside this checkout");
    List<String> sharedNames;
    try (Stream<Path> s = Files.list(shared)) {
      sharedNames = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(FILES.stream().sorted().toList(), sharedNames, "the shared vector set changed");
    for (String name : FILES) {
      try (InputStream in = getClass().getResourceAsStream("/vectors/py-ipv8-3.1/" + name)) {
        assertNotNull(in, name);
        assertArrayEquals(
            Files.readAllBytes(shared.resolve(name)),
            in.readAllBytes(),
            name + " differs from " + shared.resolve(name) + ": copy the shared vectors again");
      }
    }
  }
}
