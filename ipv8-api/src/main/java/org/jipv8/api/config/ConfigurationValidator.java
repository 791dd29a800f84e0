package org.jipv8.api.config;

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
   * order: the overlay class, then each walker's strategy, then each bootstrapper's class.
   *
   * <p>Deliberate deviation from py-ipv8 (its quirk A1): an unknown bootstrapper class is an error
   * here, not silently skipped.
   *
   * @throws ConfigurationException for the first unknown name, with its path (for example {@code
   *     overlays[0].walkers[2].strategy}) and the accepted names
   */
  public static void validateNames(Ipv8Configuration configuration, NameRegistry registry) {
    Set<String> overlayNames = registry.overlayClasses();
    Set<String> bootstrappers = registry.bootstrapperClasses();
    List<OverlayConfig> overlays = configuration.overlays();
    for (int i = 0; i < overlays.size(); i++) {
      OverlayConfig overlay = overlays.get(i);
      String at = "overlays[" + i + "]";
      if (!overlayNames.contains(overlay.className())) {
        throw ConfigurationException.notOneOf(
            at + ".class", "overlay class", overlay.className(), overlayNames);
      }
      Set<String> strategies = registry.strategiesFor(overlay.className());
      for (int j = 0; j < overlay.walkers().size(); j++) {
        String strategy = overlay.walkers().get(j).strategy();
        if (!strategies.contains(strategy)) {
          ConfigurationException e =
              ConfigurationException.notOneOf(
                  at + ".walkers[" + j + "].strategy", "strategy", strategy, strategies);
          // Which strategies exist depends on the overlay, so say which one was asked.
          throw new ConfigurationException(
              e.path(), e.problem() + " for " + overlay.className(), e.fix());
        }
      }
      for (int k = 0; k < overlay.bootstrappers().size(); k++) {
        String name = overlay.bootstrappers().get(k).className();
        if (!bootstrappers.contains(name)) {
          throw ConfigurationException.notOneOf(
              at + ".bootstrappers[" + k + "].class", "bootstrapper class", name, bootstrappers);
        }
      }
    }
  }
}
