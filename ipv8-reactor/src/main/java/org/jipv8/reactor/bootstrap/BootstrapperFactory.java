package org.jipv8.reactor.bootstrap;

import java.util.Map;
import org.jipv8.api.bootstrap.Bootstrapper;

/** Builds a bootstrapper from the {@code init} arguments of a configuration entry. */
@FunctionalInterface
public interface BootstrapperFactory {

  /**
   * Creates the bootstrapper.
   *
   * @throws IllegalArgumentException naming the offending argument
   */
  Bootstrapper create(Map<String, Object> init);
}
