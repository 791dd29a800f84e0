package org.jipv8.reactor.discovery;

import java.time.Duration;
import org.jipv8.reactor.community.PingingOverlay;

/**
 * An overlay that keeps its own routing table (the DHT). {@link PingChurn} maintains that table
 * instead of the overlay's peers, as py-ipv8's DHT {@code PingChurn} does.
 */
public interface RoutingTableOverlay extends PingingOverlay {

  /**
   * One churn step on the routing table, called on the protocol thread under the walk lock: drop
   * bad nodes (and their peers), file peers the table does not know, make table nodes peers, and
   * ping every node not pinged for {@code pingInterval}.
   */
  void pingChurnStep(Duration pingInterval);
}
