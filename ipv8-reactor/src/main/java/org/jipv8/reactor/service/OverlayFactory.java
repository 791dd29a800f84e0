package org.jipv8.reactor.service;

import org.jipv8.api.community.Overlay;
import org.jipv8.reactor.community.CommunitySettings;

/**
 * Creates an overlay from the settings the service provides (identity, endpoint, network,
 * schedulers, bootstrappers, {@code initialize} values); registered with {@link
 * Ipv8Builder#overlay(Class, OverlayFactory)} so configuration files can name it, or given to
 * {@link OverlayDefinition#of} to run it from code.
 *
 * @param <O> the overlay type
 */
@FunctionalInterface
public interface OverlayFactory<O extends Overlay> {

  /** Creates the overlay; called on the service's protocol thread, before the endpoint opens. */
  O create(CommunitySettings settings);
}
