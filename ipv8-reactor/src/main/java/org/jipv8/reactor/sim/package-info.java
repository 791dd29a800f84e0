/**
 * A simulated network for testing IPv8 communities: many nodes in one JVM, deterministic under
 * virtual time, with loss, latency, jitter, duplication, reordering and NAT behaviour.
 *
 * <p>Start with {@link org.jipv8.reactor.sim.SimulatedNetwork#builder()}, create endpoints with
 * {@link org.jipv8.reactor.sim.SimulatedNetwork#newEndpoint()} or {@link
 * org.jipv8.reactor.sim.SimulatedNetwork#newEndpointBehindNat}, and give them to your nodes in
 * place of UDP endpoints. This package is public API: use it to test your own communities.
 *
 * <h2>Threading model</h2>
 *
 * <ul>
 *   <li><b>Any thread</b>: {@code send} (routing, NAT translation and the random draws happen under
 *       the network's lock, then the delivery is scheduled), {@code open}, {@code close}, {@code
 *       flush} (completes at once), statistics.
 *   <li><b>The network's scheduler</b>: every delivery, NAT filtering at arrival, and the {@code
 *       receive()} subscribers. Deliveries are never run inside {@code send}: each is scheduled at
 *       least one nanosecond ahead, so a node that answers a datagram is never re-entered.
 * </ul>
 *
 * With a {@code VirtualTimeScheduler}, nothing happens until the test advances time, and then
 * everything runs on the thread that advances it, in a reproducible order.
 *
 * <p>Nullness: parameters and results are non-null unless documented otherwise.
 */
@NullMarked
package org.jipv8.reactor.sim;

import org.jspecify.annotations.NullMarked;
