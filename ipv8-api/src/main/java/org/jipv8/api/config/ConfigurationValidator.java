package org.jipv8.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of a configuration that need the engine's registries: overlay, strategy and
 * bootstrapper names (py-ipv8 only finds these when it builds the service, 1.1 step 8, and ignores
 * unknown bootstrappers; jipv8 checks them all up front).
 */
public final class ConfigurationValidator {
  private ConfigurationValidator() {}

  /**
   * Checks every name in {@code configuration} against {@code registry}, overlay by overlay in
   * order: the overlay class, then each walker's strategy, then each bootstrapper's class, then the
   * keys of {@code initialize} ({@link NameRegistry#initializeKeysFor}).
   *
   * <p>Deliberate deviation from py-ipv8 (its quirk A1): an unknown bootstrapper class is an error
   * here, not silently skipped; so is an unknown {@code initialize} key.
   *
   * @throws ConfigurationException with every unknown name at once ({@link
   *     ConfigurationException#problems()}), each with its path (for example {@code
   *     overlays[0].walkers[2].strategy}), the accepted names and the nearest one
   */
  public static void validateNames(Ipv8Configuration configuration, NameRegistry registry) {
    List<ConfigurationException> problems = problems(configuration, registry);
    if (!problems.isEmpty()) {
      throw ConfigurationException.combine(problems);
    }
  }

  /**
   * The problems {@link #validateNames} reports, as a list (empty when the names are fine).
   *
   * @return every problem found, in file order; an unknown overlay class hides the checks that
   *     depend on it
   */
  public static List<ConfigurationException> problems(
      Ipv8Configuration configuration, NameRegistry registry) {
    List<ConfigurationException> problems = new ArrayList<>();
    Set<String> overlayNames = registry.overlayClasses();
    Set<String> bootstrappers = registry.bootstrapperClasses();
    List<OverlayConfig> overlays = configuration.overlays();
    for (int i = 0; i < overlays.size(); i++) {
      OverlayConfig overlay = overlays.get(i);
      String at = "overlays[" + i + "]";
      boolean known = overlayNames.contains(overlay.className());
      if (!known) {
        problems.add(
            ConfigurationException.notOneOf(
                at + ".class", "overlay class", overlay.className(), overlayNames));
      }
      Set<String> strategies = known ? registry.strategiesFor(overlay.className()) : Set.of();
      for (int j = 0; known && j < overlay.walkers().size(); j++) {
        String strategy = overlay.walkers().get(j).strategy();
        if (!strategies.contains(strategy)) {
          ConfigurationException e =
              ConfigurationException.notOneOf(
                  at + ".walkers[" + j + "].strategy", "strategy", strategy, strategies);
          // Which strategies exist depends on the overlay, so say which one was asked.
          problems.add(
              new ConfigurationException(
                  e.path(), e.problem() + " for " + overlay.className(), e.fix()));
        }
      }
      for (int k = 0; k < overlay.bootstrappers().size(); k++) {
        String name = overlay.bootstrappers().get(k).className();
        if (!bootstrappers.contains(name)) {
          problems.add(
              ConfigurationException.notOneOf(
                  at + ".bootstrappers[" + k + "].class",
                  "bootstrapper class",
                  name,
                  bootstrappers));
        }
      }
      if (!known) {
        continue;
      }
      Set<String> settings = registry.initializeKeysFor(overlay.className());
      for (String key : overlay.initialize().keySet()) {
        if (!settings.contains(key)) {
          ConfigurationException e =
              ConfigurationException.notOneOf(at + ".initialize." + key, "setting", key, settings);
          problems.add(
              new ConfigurationException(
                  e.path(), e.problem() + " for " + overlay.className(), e.fix()));
        }
      }
    }
    return problems;
  }
}
