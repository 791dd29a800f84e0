package org.jipv8.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jipv8.api.config.ConfigKeys;
import org.jipv8.api.messaging.DropReason;
import org.junit.jupiter.api.Test;

/** The docs say what the code does: the configuration reference, drop reasons, links. */
class ConfigurationReferenceTest {
  private static final Path ROOT = Path.of("..");
  private static final String BEGIN = "<!-- generated from ConfigKeys -->\n";
  private static final String END = "<!-- end generated -->";

  @Test
  void theConfigurationReferenceIsGeneratedFromTheCode() throws Exception {
    String page = Files.readString(ROOT.resolve("docs/configuration.md"));
    int from = page.indexOf(BEGIN);
    int to = page.indexOf(END);
    assertTrue(from >= 0 && to > from, "docs/configuration.md lacks the generated markers");
    String generated = page.substring(from + BEGIN.length(), to);
    assertEquals(
        ConfigKeys.markdownReference(),
        generated,
        "docs/configuration.md is out of date: replace the text between the markers with"
            + " ConfigKeys.markdownReference()");
  }

  @Test
  void troubleshootingExplainsEveryDropReason() throws Exception {
    String page = Files.readString(ROOT.resolve("docs/troubleshooting.md"));
    List<String> missing = new ArrayList<>();
    for (DropReason r : DropReason.values()) {
      if (!page.contains("| `" + r.name() + "` |")) {
        missing.add(r.name());
      }
    }
    assertEquals(List.of(), missing, "add a row to docs/troubleshooting.md's drop reasons");
  }

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsExists() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (var docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    Pattern link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = link.matcher(Files.readString(page));
      while (m.find()) {
        Path target = page.getParent().resolve(m.group(1)).normalize();
        if (!Files.exists(target)) {
          broken.add(page.getFileName() + " -> " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), broken);
  }
}
