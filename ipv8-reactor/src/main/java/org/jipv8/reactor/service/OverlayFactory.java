package org.jipv8.reactor.service;

import org.jipv8.api.community.Overlay;

/**
 * Creates an overlay from what the service provides; registered with {@link
 * Ipv8Builder#overlay(Class, OverlayFactory)} so configuration files can name it.
 *
 * @param <O> the overlay type
 */
@FunctionalInterface
public interface OverlayFactory<O extends Overlay> {

  /** Creates the overlay; called on the service's protocol thread, before the endpoint opens. */
  O create(OverlayContext context);
}
