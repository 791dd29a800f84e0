package org.jipv8.reactor.community;

import java.util.random.RandomGenerator;
import org.jipv8.api.community.Overlay;

/**
 * What the engine's built-in strategies need from a community beyond {@link Overlay}: the shared
 * {@link Network}, the node's clock and its source of randomness (both injectable, so a whole
 * network runs deterministically on virtual time).
 */
public interface NetworkOverlay extends Overlay {

  /** The peer bookkeeping shared with the node's other communities. */
  Network network();

  /** Milliseconds now, on the node's (possibly virtual) clock. */
  long now();

  /** The node's random source. */
  RandomGenerator random();
}
