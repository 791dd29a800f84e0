package org.jipv8.reactor.community;

import org.jipv8.api.bootstrap.Bootstrapper;

/** An overlay that accepts bootstrappers after construction (launchers add them this way). */
public interface BootstrapperAware {

  /** Adds a bootstrapper; it is used from the next {@code bootstrap()} on. */
  void addBootstrapper(Bootstrapper bootstrapper);
}
