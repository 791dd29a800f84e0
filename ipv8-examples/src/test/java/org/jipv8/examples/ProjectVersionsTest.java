package org.jipv8.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM, the starter and the README name the version the build makes. */
class ProjectVersionsTest {
  private static final Path ROOT = Path.of("..");

  private static String projectVersion(String pom) throws Exception {
    String text = Files.readString(ROOT.resolve(pom));
    // The first <version> after the artifactId of the project itself (no parent in these poms).
    Matcher m =
        Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(text);
    assertTrue(m.find(), pom);
    return m.group(1);
  }

  @Test
  void theBomAndTheStarterFollowTheParentVersion() throws Exception {
    String parent = projectVersion("pom.xml");
    assertEquals(parent, projectVersion("jipv8-bom/pom.xml"), "jipv8-bom/pom.xml <version>");
    String starter = Files.readString(ROOT.resolve("ipv8-examples/starter/pom.xml"));
    assertTrue(
        starter.contains("<jipv8.version>" + parent + "</jipv8.version>"),
        "ipv8-examples/starter/pom.xml jipv8.version must be " + parent);
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(
        readme.contains("<version>" + parent + "</version>"),
        "README's dependency snippet names version " + parent);
  }
}
