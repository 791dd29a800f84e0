package org.jipv8.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's tutorial code is included from the compiled example sources: every block after an
 * {@code <!-- include: path#tag -->} marker must equal the {@code tag::}/{@code end::} region of
 * that file, so the tutorial cannot rot.
 */
class ReadmeSnippetsTest {
  private static final Pattern INCLUDE =
      Pattern.compile("<!-- include: (\\S+)#(\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) ? here : here.getParent();
  }

  static String region(Path file, String tag) throws IOException {
    List<String> out = new ArrayList<>();
    boolean on = false;
    boolean found = false;
    for (String line : Files.readAllLines(file)) {
      if (line.strip().equals("// end::" + tag + "[]")) {
        on = false;
        continue;
      }
      if (on) {
        out.add(line);
      }
      if (line.strip().equals("// tag::" + tag + "[]")) {
        on = true;
        found = true;
      }
    }
    assertTrue(found, "no region '" + tag + "' in " + file);
    int indent =
        out.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> stripped = new ArrayList<>();
    for (String l : out) {
      stripped.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", stripped).strip();
  }

  @Test
  void everyIncludedSnippetEqualsItsSource() throws IOException {
    Path root = root();
    String readme = Files.readString(root.resolve("README.md"));
    Matcher m = INCLUDE.matcher(readme);
    int count = 0;
    while (m.find()) {
      count++;
      Path file = root.resolve(m.group(1));
      assertEquals(
          region(file, m.group(2)),
          m.group(3).strip(),
          "README block for "
              + m.group(1)
              + "#"
              + m.group(2)
              + " is out of date; copy the region again");
    }
    assertTrue(count >= 8, "the tutorial includes at least 8 snippets, found " + count);
  }
}
