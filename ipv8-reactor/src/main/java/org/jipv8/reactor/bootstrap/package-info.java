/**
 * Bootstrapping: {@link org.jipv8.reactor.bootstrap.DispersyBootstrapper} (trackers) and the
 * tracker itself, {@link org.jipv8.reactor.bootstrap.BootstrapServer}.
 */
@NullMarked
package org.jipv8.reactor.bootstrap;

import org.jspecify.annotations.NullMarked;
