package org.jipv8.reactor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of issue 8 section 3, checked on the compiled main classes of {@code
 * ipv8-api} and {@code ipv8-reactor}: no package cycles anywhere under {@code org.jipv8}, {@code
 * community} and {@code discovery} depend one way only (discovery uses community), and no static
 * mutable registry maps in the overlay packages.
 */
class PackageCyclesTest {
  private static final List<String> OVERLAY_PACKAGES =
      List.of(
          "org.jipv8.reactor.community",
          "org.jipv8.reactor.discovery",
          "org.jipv8.reactor.bootstrap",
          "org.jipv8.api.community",
          "org.jipv8.api.discovery");
  private static JavaClasses classes;

  // The api classes are a directory in a module build and a jar in a reactor build: both count.
  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // Jars stay in: under `mvn verify` the API module is on the classpath as its jar.
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jipv8");
  }

  @Test
  void importsTheEngineAndTheApi() {
    List<String> packages = new ArrayList<>();
    classes.forEach(c -> packages.add(c.getPackageName()));
    org.junit.jupiter.api.Assertions.assertTrue(
        packages.contains("org.jipv8.reactor.community")
            && packages.contains("org.jipv8.api.community"),
        "the rules below must see the classes they are about");
  }

  @Test
  void noPackageCycles() {
    ArchRule rule = slices().matching("org.jipv8.(**)").should().beFreeOfCycles();
    rule.check(classes);
  }

  @Test
  void communityDoesNotDependOnDiscovery() {
    noClasses()
        .that()
        .resideInAPackage("org.jipv8.reactor.community..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jipv8.reactor.discovery..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.jipv8.api.community..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jipv8.api.discovery..")
        .check(classes);
  }

  /**
   * No static registry in the overlay packages (the prefix router belongs to the node wiring). The
   * key cache of {@code crypto} and the codec table of {@code messaging} are outside this rule.
   */
  @Test
  void noStaticMutableMapsInTheOverlayPackages() {
    List<String> offenders = new ArrayList<>();
    for (var c : classes) {
      if (!OVERLAY_PACKAGES.contains(c.getPackageName())) {
        continue;
      }
      for (var f : c.getFields()) {
        if (f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
            && Map.class.isAssignableFrom(f.getRawType().reflect())
            && !isImmutableMap(f.reflect())) {
          offenders.add(c.getName() + "." + f.getName());
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(List.of(), offenders, "static mutable maps");
  }

  private static boolean isImmutableMap(Field field) {
    if (!Modifier.isFinal(field.getModifiers())) {
      return false;
    }
    try {
      field.setAccessible(true);
      Object value = field.get(null);
      if (value == null) {
        return true;
      }
      String name = value.getClass().getName();
      return name.startsWith("java.util.ImmutableCollections")
          || name.startsWith("java.util.Collections$Unmodifiable")
          || name.startsWith("java.util.Collections$Empty")
          || name.startsWith("java.util.Collections$Singleton");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
