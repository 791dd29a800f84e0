/**
 * The UDP transport of IPv8 on Reactor Netty, and the pieces every endpoint shares.
 *
 * <p>{@link org.jipv8.reactor.endpoint.UdpEndpoint} is one UDP socket (IPv4 or IPv6), built with
 * the immutable {@link org.jipv8.reactor.endpoint.UdpEndpointBuilder}. Inside it, one
 * package-private type per concern: {@code EndpointLifecycle} (the state machine), {@code
 * UdpSocketBinder} and {@code BindDiagnosis} (binding, port search, and the {@link
 * org.jipv8.api.endpoint.BindFailedException} when it fails), {@code SendAdmission} (guard, size,
 * family), {@code OutboundDrain} over {@code OutboundQueue} (the bounded queue and the drain loop
 * on the event loop), {@code InboundPath} (receive admission, copy, fan-out) and {@code
 * KernelDrops} (the kernel's drop count of the socket). {@link
 * org.jipv8.reactor.endpoint.LoopbackGuard} keeps tests and demos on this machine. {@link
 * org.jipv8.reactor.endpoint.EndpointCounters} count traffic per endpoint; the {@link
 * org.jipv8.reactor.endpoint.StatisticsEndpoint} decorator counts it per community and message id
 * in a {@link org.jipv8.reactor.endpoint.MessageStatistics}; {@link
 * org.jipv8.reactor.endpoint.MicrometerBinder} exports the counters.
 *
 * <h2>Threading model</h2>
 *
 * <ul>
 *   <li><b>Event loop</b> (one Netty thread per socket, from Reactor Netty's shared UDP loops
 *       unless {@code runOn} says otherwise): binding, reading, copying each datagram out of
 *       Netty's buffer, calling {@code receive()} subscribers, writing queued datagrams to the
 *       socket, completing {@code flush()} and {@code close()}.
 *   <li><b>Any thread</b> (typically the IPv8 protocol thread): {@code send} (copies the datagram,
 *       reserves room in the bounded queue and, if no drain is pending, schedules one on the event
 *       loop), {@code flush}, statistics reads. None of them blocks or takes a lock.
 *   <li>{@code receive()} subscribers run on the event loop and must not block it; they should
 *       {@code publishOn} the protocol scheduler. A subscriber without demand loses datagrams,
 *       which are counted as {@code RECEIVE_OVERFLOW}.
 * </ul>
 *
 * <p>Only {@code openNow}, {@code closeNow} and {@code UdpEndpointBuilder.bindNow} block, for use
 * from {@code main} and tests.
 *
 * <p>Nullness: parameters and results are non-null unless documented otherwise.
 */
@NullMarked
package org.jipv8.reactor.endpoint;

import org.jspecify.annotations.NullMarked;
