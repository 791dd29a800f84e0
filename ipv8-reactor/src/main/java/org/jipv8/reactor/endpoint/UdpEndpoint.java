package org.jipv8.reactor.endpoint;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.BindFailedException;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.resources.LoopResources;

/**
 * One UDP socket (IPv4 or IPv6) on Reactor Netty: the transport of an IPv8 node.
 *
 * <h2>Receiving</h2>
 *
 * {@link #receive()} is a hot stream. Each datagram is first offered to the {@linkplain
 * #setReceiveAdmission receive admission} while still in Netty's pooled buffer (a refusal is
 * counted under its reason and costs no copy), then copied into a fresh {@code byte[]} on the event
 * loop, and the pooled buffer is released at once ({@code InboundPath}). Sources are tagged {@code
 * UDPV4} or {@code UDPV6} by the socket's family. A subscriber without demand loses datagrams
 * (counted as {@link DropReason#RECEIVE_OVERFLOW}) instead of stalling the socket: subscribers
 * should {@code publishOn} their own thread. Datagrams the kernel dropped before they could be read
 * are reported by {@link EndpointStatistics#kernelDrops()} (Linux).
 *
 * <h2>Sending</h2>
 *
 * {@link #send} and {@link #write} copy the datagram into a direct buffer (the copy the socket
 * needs anyway) and put it on a bounded queue; they never block and may be called from any thread.
 * The event loop moves datagrams from the queue to the channel only while Netty reports the channel
 * writable (see {@link UdpEndpointBuilder#writeBufferWaterMark}) and resumes when it becomes
 * writable again, so a burst is paced to the socket ({@code OutboundDrain}). A datagram is dropped
 * and counted when the endpoint is not open ({@code ENDPOINT_CLOSED}), the {@link LoopbackGuard}
 * refuses its destination ({@code LOOPBACK_GUARD}), it is larger than {@value #MAX_IPV4_PAYLOAD}
 * bytes on IPv4 ({@value #MAX_IPV6_PAYLOAD} on IPv6; {@code TOO_LARGE}), its address is of the
 * other family ({@code NO_ADDRESS_FAMILY}), the queue is full ({@code QUEUE_FULL}), or it cannot be
 * sent at all: a host name or port 0, or an error from the socket ({@code SOCKET_ERROR}). {@link
 * #write} reports the same reason as the error of its {@code Mono}. {@link
 * EndpointStatistics#packetsSent()} counts datagrams the socket accepted. Per-community and
 * per-message counts are the {@link StatisticsEndpoint} decorator's.
 *
 * <h2>Life</h2>
 *
 * {@code NEW -> OPENING -> OPEN -> CLOSING -> CLOSED} ({@code EndpointLifecycle}); a failed bind is
 * a {@link BindFailedException} and a closed endpoint cannot be opened again.
 *
 * <h2>Threading</h2>
 *
 * All public methods are thread-safe and non-blocking, except {@link #openNow} and {@link
 * #closeNow}, which wait. Reading and writing run on the channel's event loop; {@code receive()}
 * subscribers and the receive admission are called there.
 */
public final class UdpEndpoint implements Endpoint {
  /** The largest UDP payload over IPv4: 65,535 − 8 (UDP header) − 20 (IPv4 header). */
  public static final int MAX_IPV4_PAYLOAD = 65_507;

  /** The largest UDP payload over IPv6 without jumbograms: 65,535 − 8 (UDP header). */
  public static final int MAX_IPV6_PAYLOAD = 65_527;

  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

  /** Netty user-defined writability bit used by {@link #pauseWrites} (tests only). */
  private static final int PAUSE_WRITABILITY_INDEX = 1;

  /**
   * Reactor Netty detects the native transport on first use, which extracts and loads a shared
   * library: blocking file I/O, once per JVM. Doing it on a thread meant for blocking keeps the
   * first {@code open()} from blocking an event loop or a Reactor non-blocking thread.
   */
  private static final Mono<Void> NATIVE_TRANSPORT_DETECTION =
      Mono.fromRunnable(LoopResources::hasNativeSupport)
          .subscribeOn(Schedulers.boundedElastic())
          .then()
          .cache();

  private final UdpEndpointConfig config;
  private final boolean ipv6;
  private final LoopbackGuard guard;
  private final EndpointLifecycle lifecycle = new EndpointLifecycle();
  private final EndpointCounters counters = new EndpointCounters();
  private final DatagramFanOut fanOut = new DatagramFanOut(counters);
  private final SendAdmission admission;
  private final OutboundDrain outbound;
  private final InboundPath inbound;
  private final Mono<UdpEndpoint> opening;

  private volatile Connection connection;
  private volatile Channel channel;
  private volatile Address boundAddress;
  private volatile Integer ipv6OnlyOption;

  UdpEndpoint(UdpEndpointConfig config) {
    this.config = config;
    this.ipv6 = config.isIpv6();
    this.guard = config.loopbackGuard().effective();
    this.admission = new SendAdmission(guard, ipv6);
    this.outbound =
        new OutboundDrain(
            new OutboundQueue(config.outboundQueueCapacity(), config.outboundQueueMaxBytes()),
            counters,
            admission,
            this::localAddress);
    this.inbound =
        new InboundPath(counters, fanOut, lifecycle::isOpen, s -> tag(s.getAddress(), s.getPort()));
    this.opening = Mono.defer(this::startOpening).cache();
  }

  /** A builder with the defaults: {@code 0.0.0.0}, port 0, one attempt, 870,400-byte SO_RCVBUF. */
  public static UdpEndpointBuilder builder() {
    return new UdpEndpointBuilder(UdpEndpointConfig.defaults());
  }

  /** The settings this endpoint was built with. */
  public UdpEndpointConfig configuration() {
    return config;
  }

  /** The loopback guard in force (the configured one, switched on by the environment if asked). */
  public LoopbackGuard loopbackGuard() {
    return guard;
  }

  /** Datagrams waiting in the outbound queue now (at most the configured capacity). */
  public int outboundQueueSize() {
    OutboundQueue queue = outbound.queue();
    return Math.min(queue.size(), queue.capacity());
  }

  /** The most datagrams that ever waited in the outbound queue at once. */
  public int outboundQueuePeak() {
    return outbound.queue().peak();
  }

  /**
   * Binds the socket. Emits this endpoint once bound; later calls share the first attempt's result.
   * Fails with a {@link BindFailedException} naming the address, the kind of failure and the ports
   * tried; a failed or closed endpoint cannot be opened again (an {@link IllegalStateException}),
   * build a new one.
   */
  @Override
  public Mono<UdpEndpoint> open() {
    return Mono.defer(
        () -> {
          EndpointLifecycle.State now = lifecycle.current();
          if (now == EndpointLifecycle.State.CLOSING || now == EndpointLifecycle.State.CLOSED) {
            return Mono.error(
                new IllegalStateException(
                    "UDP endpoint "
                        + localAddress()
                        + " is closed and cannot be opened again; build a new one"));
          }
          return opening;
        });
  }

  /**
   * {@link #open()} and wait at most {@code timeout}. Blocking: never call it on an event loop or a
   * Reactor non-blocking thread.
   */
  public UdpEndpoint openNow(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    UdpEndpoint endpoint = open().block(timeout);
    if (endpoint == null) {
      throw new IllegalStateException("UDP endpoint " + localAddress() + " did not open");
    }
    return endpoint;
  }

  @Override
  public Mono<Void> close() {
    return Mono.defer(
        () -> {
          switch (lifecycle.beginClosing()) {
            case NEW -> fanOut.complete();
            case OPEN -> connection.dispose();
            case OPENING, CLOSING, CLOSED -> {
              // OPENING: the bind callback sees CLOSING and disposes the channel it got.
            }
          }
          return lifecycle.whenReleased();
        });
  }

  /** {@link #close()} and wait at most {@code timeout}. Blocking, like {@link #openNow}. */
  public void closeNow(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    close().block(timeout);
  }

  @Override
  public boolean isOpen() {
    return lifecycle.isOpen();
  }

  /** The bound address once open (with the real port); before that, the configured one. */
  @Override
  public Address localAddress() {
    Address bound = boundAddress;
    return bound != null ? bound : tag(config.host(), config.port());
  }

  @Override
  public Flux<Datagram> receive() {
    return fanOut.flux();
  }

  /** The datagrams of each read loop of the socket as one list (at most {@link #MAX_BURST}). */
  @Override
  public Flux<List<Datagram>> receiveBursts() {
    return fanOut.bursts();
  }

  /** Installs the check run on the event loop for every datagram before it is copied. */
  @Override
  public void setReceiveAdmission(ReceiveAdmission check) {
    inbound.admission(check);
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(packet, "packet");
    return enqueue(destination, packet, null) == null;
  }

  /**
   * Sends one datagram lazily. Subscribing runs the same admission as {@link #send}; the {@code
   * Mono} completes when Netty reports the datagram written to the socket, or errors with {@link
   * SendFailedException}: {@code ENDPOINT_CLOSED} (not open, or closed before it was written),
   * {@code LOOPBACK_GUARD}, {@code TOO_LARGE}, {@code NO_ADDRESS_FAMILY} (a destination of the
   * other family), {@code QUEUE_FULL}, {@code SOCKET_ERROR} (a host name, port 0, or the socket
   * refused it). Cancelling does not unsend a datagram that was queued.
   */
  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(packet, "packet");
    return Mono.create(
        sink -> {
          DropReason refused = enqueue(destination, packet, sink);
          if (refused != null) {
            sink.error(admission.refusal(localAddress(), refused, destination, packet.length));
          }
        });
  }

  /** Admits and queues one datagram; the reason it was dropped (and counted), or null if queued. */
  private DropReason enqueue(Address destination, byte[] packet, MonoSink<Void> sink) {
    DropReason refused =
        lifecycle.isOpen()
            ? admission.check(destination, packet.length)
            : DropReason.ENDPOINT_CLOSED;
    if (refused != null) {
      counters.recordDrop(refused);
      return refused;
    }
    return outbound.enqueue(admission.recipientOf(destination), packet, sink);
  }

  /** What {@code sends} queued reaches the event loop in one task, written with one flush. */
  @Override
  public void sendTogether(Runnable sends) {
    outbound.together(sends);
  }

  /**
   * Completes when every datagram accepted by {@link #send} before the subscription has been
   * written to the socket or dropped and counted. Completes at once when the endpoint never opened;
   * after {@link #close()}, when the socket has been released.
   */
  @Override
  public Mono<Void> flush() {
    return Mono.defer(
        () ->
            switch (lifecycle.current()) {
              case NEW, OPENING -> Mono.empty();
              case CLOSING, CLOSED -> lifecycle.whenReleased();
              case OPEN -> outbound.flush();
            });
  }

  @Override
  public EndpointStatistics statistics() {
    return counters;
  }

  @Override
  public String toString() {
    return "UdpEndpoint[" + localAddress() + ", " + lifecycle.current() + "]";
  }

  // ---------------------------------------------------------------- opening

  private Mono<UdpEndpoint> startOpening() {
    if (!lifecycle.beginOpening()) {
      return Mono.error(
          new IllegalStateException(
              "UDP endpoint "
                  + localAddress()
                  + " was closed and cannot be opened again; build a new one"));
    }
    UdpSocketBinder binder =
        new UdpSocketBinder(
            config,
            () -> new UdpChannelHandler(inbound, outbound, config.receiveCoalescing()),
            v -> ipv6OnlyOption = v);
    return NATIVE_TRANSPORT_DETECTION
        .then(Mono.defer(binder::bind))
        .map(this::onBound)
        .doOnError(
            e -> {
              lifecycle.closed();
              fanOut.complete();
            });
  }

  private UdpEndpoint onBound(Connection bound) {
    connection = bound;
    channel = bound.channel();
    outbound.attach(channel);
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    boundAddress = tag(local.getAddress(), local.getPort());
    counters.kernelDropSource(KernelDrops.of(local)::read);
    channel.closeFuture().addListener(f -> onChannelClosed());
    // Reactor Netty switches to manual reads for its own inbound flux, which we never use: we
    // read everything and let the fan-out count what subscribers cannot take.
    channel.config().setAutoRead(true);
    if (!lifecycle.completeOpening()) {
      // close() was called while binding.
      bound.dispose();
      return this;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "UDP endpoint bound to {} (SO_RCVBUF {}, loopback guard {})",
          boundAddress,
          channel.config().getOption(ChannelOption.SO_RCVBUF),
          guard.isEnabled() ? "on" : "off");
    }
    return this;
  }

  private void onChannelClosed() {
    lifecycle.closed();
    outbound.dropQueued();
    fanOut.complete();
    LOG.debug("UDP endpoint {} closed", boundAddress);
  }

  // ---------------------------------------------------------------- test hooks

  /**
   * Marks the channel not writable, as a full socket would, so tests can fill the queue
   * deterministically. Completes on the event loop once applied.
   */
  Mono<Void> pauseWrites() {
    return setUserWritability(false);
  }

  /** Undoes {@link #pauseWrites()}; the queue drains. */
  Mono<Void> resumeWrites() {
    return setUserWritability(true);
  }

  private Mono<Void> setUserWritability(boolean writable) {
    return Mono.create(
        sink ->
            channel
                .eventLoop()
                .execute(
                    () -> {
                      ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
                      if (buffer != null) {
                        buffer.setUserDefinedWritability(PAUSE_WRITABILITY_INDEX, writable);
                      }
                      sink.success();
                    }));
  }

  Channel channelForTest() {
    return channel;
  }

  /** The IPV6_V6ONLY value read back from the socket, or null when not applicable/unknown. */
  Integer ipv6OnlySocketOption() {
    return ipv6OnlyOption;
  }

  // ---------------------------------------------------------------- addresses

  private Address tag(InetAddress ip, int port) {
    return tag(ip.getHostAddress(), port);
  }

  private Address tag(String host, int port) {
    return ipv6 ? Address.ipv6(host, port) : Address.ipv4(host, port);
  }
}
