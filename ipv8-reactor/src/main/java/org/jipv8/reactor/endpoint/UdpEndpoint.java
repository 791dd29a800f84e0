package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ChannelBindException;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;
import reactor.netty.udp.UdpResources;
import reactor.netty.udp.UdpServer;

/**
 * One UDP socket (IPv4 or IPv6) on Reactor Netty: the transport of an IPv8 node.
 *
 * <h2>Receiving</h2>
 *
 * {@link #receive()} is a hot stream. Each datagram is copied out of Netty's pooled buffer into a
 * fresh {@code byte[]} on the event loop, and the pooled buffer is released at once. The copy is
 * what makes the hop to the protocol thread safe: the datagram outlives the read callback, crosses
 * threads and may be kept by handlers, while Netty recycles its buffer the moment it is released.
 * Sources are tagged {@code UDPV4} or {@code UDPV6} by the socket's family. A subscriber without
 * demand loses datagrams (counted as {@link DropReason#RECEIVE_OVERFLOW}) instead of stalling the
 * socket: subscribers should {@code publishOn} their own thread.
 *
 * <h2>Sending</h2>
 *
 * {@link #send} copies the datagram into a direct buffer (the copy the socket needs anyway) and
 * puts it on a bounded queue; it never blocks and may be called from any thread. The event loop
 * moves datagrams from the queue to the channel only while Netty reports the channel writable (see
 * {@link UdpEndpointBuilder#writeBufferWaterMark}) and resumes when it becomes writable again, so a
 * burst is paced to the socket. A datagram is dropped and counted when the endpoint is not open
 * ({@code ENDPOINT_CLOSED}), the {@link LoopbackGuard} refuses its destination ({@code
 * LOOPBACK_GUARD}), it is larger than {@value #MAX_IPV4_PAYLOAD} bytes on IPv4 ({@value
 * #MAX_IPV6_PAYLOAD} on IPv6; {@code TOO_LARGE}), its address is of the other family ({@code
 * NO_ADDRESS_FAMILY}), the queue is full ({@code QUEUE_FULL}), or it cannot be sent at all: a host
 * name or port 0, or an error from the socket ({@code SOCKET_ERROR}). {@link #write} reports the
 * same reason as the error of its {@code Mono}. {@link EndpointStatistics#packetsSent()} counts
 * datagrams the socket accepted.
 *
 * <h2>Threading</h2>
 *
 * All public methods are thread-safe and non-blocking, except {@link #openNow} and {@link
 * #closeNow}, which wait. Reading and writing run on the channel's event loop; {@code receive()}
 * subscribers are called there.
 */
public final class UdpEndpoint implements Endpoint {
  /** The largest UDP payload over IPv4: 65,535 − 8 (UDP header) − 20 (IPv4 header). */
  public static final int MAX_IPV4_PAYLOAD = 65_507;

  /** The largest UDP payload over IPv6 without jumbograms: 65,535 − 8 (UDP header). */
  public static final int MAX_IPV6_PAYLOAD = 65_527;

  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

  /** Big enough for any datagram the kernel can hand us, so nothing is ever truncated. */
  private static final int RECEIVE_ALLOCATION = 65_536;

  /** Datagrams moved to the channel per event-loop task, so reads on the same loop interleave. */
  private static final int WRITE_BATCH = 1024;

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

  private enum State {
    NEW,
    OPENING,
    OPEN,
    CLOSED
  }

  private final UdpEndpointConfig config;
  private final boolean ipv6;
  private final int maxPayload;
  private final LoopbackGuard guard;
  private final EndpointCounters counters = new EndpointCounters();
  private final MessageStatistics messageStatistics;
  private final DatagramFanOut fanOut = new DatagramFanOut(counters);
  private final OutboundQueue queue;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private final AtomicBoolean socketErrorLogged = new AtomicBoolean();
  private final Sinks.Empty<Void> released = Sinks.empty();
  private final Mono<UdpEndpoint> opening;
  private final Runnable drainTask = this::drain;

  private volatile Connection connection;
  private volatile Channel channel;
  private volatile Address boundAddress;
  private volatile Integer ipv6OnlyOption;

  /** Only touched on the event loop: the future of the most recent write. */
  private ChannelFuture lastWrite;

  UdpEndpoint(UdpEndpointConfig config) {
    this.config = config;
    this.ipv6 = config.isIpv6();
    this.maxPayload = ipv6 ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD;
    this.guard = config.loopbackGuard().effective();
    this.messageStatistics =
        config.messageStatistics() != null
            ? config.messageStatistics()
            : MessageStatistics.create();
    this.queue = new OutboundQueue(config.outboundQueueCapacity(), config.outboundQueueMaxBytes());
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

  /** The per-community, per-message statistics this endpoint feeds. */
  public MessageStatistics messageStatistics() {
    return messageStatistics;
  }

  /** Datagrams waiting in the outbound queue now (at most the configured capacity). */
  public int outboundQueueSize() {
    return Math.min(queue.size(), queue.capacity());
  }

  /** The most datagrams that ever waited in the outbound queue at once. */
  public int outboundQueuePeak() {
    return queue.peak();
  }

  /**
   * Binds the socket. Emits this endpoint once bound; later calls share the first attempt's result.
   * Fails with an {@link IllegalStateException} whose message names the address, the cause and the
   * fix (for a port in use: another port, port 0 or {@code portAttempts}); a failed or closed
   * endpoint cannot be opened again, build a new one.
   */
  @Override
  public Mono<UdpEndpoint> open() {
    return Mono.defer(
        () ->
            state.get() == State.CLOSED
                ? Mono.error(
                    new IllegalStateException(
                        "UDP endpoint "
                            + localAddress()
                            + " is closed and cannot be opened again; build a new one"))
                : opening);
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
          State previous = state.getAndSet(State.CLOSED);
          switch (previous) {
            case NEW -> {
              fanOut.complete();
              released.tryEmitEmpty();
            }
            case OPEN -> connection.dispose();
            case OPENING, CLOSED -> {
              // OPENING: the bind callback sees CLOSED and disposes the channel it got.
            }
          }
          return released.asMono();
        });
  }

  /** {@link #close()} and wait at most {@code timeout}. Blocking, like {@link #openNow}. */
  public void closeNow(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    close().block(timeout);
  }

  @Override
  public boolean isOpen() {
    return state.get() == State.OPEN;
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
            sink.error(refusal(refused, destination, packet.length));
          }
        });
  }

  /** Admits and queues one datagram; the reason it was dropped (and counted), or null if queued. */
  private DropReason enqueue(Address destination, byte[] packet, MonoSink<Void> sink) {
    DropReason refused = admit(destination, packet.length);
    if (refused != null) {
      counters.recordDrop(refused);
      return refused;
    }
    InetSocketAddress recipient = recipientOf(destination);
    if (!queue.tryReserve(packet.length)) {
      counters.recordDrop(DropReason.QUEUE_FULL);
      if (overflowing.compareAndSet(false, true)) {
        LOG.warn(
            "{}: outbound queue full ({} datagrams, {} bytes max); dropping datagrams (counted as"
                + " QUEUE_FULL) until it drains",
            localAddress(),
            config.outboundQueueCapacity(),
            config.outboundQueueMaxBytes());
      }
      return DropReason.QUEUE_FULL;
    }
    ByteBuf content;
    try {
      content = channel.alloc().directBuffer(packet.length).writeBytes(packet);
    } catch (RuntimeException | OutOfMemoryError e) {
      queue.cancelReservation(packet.length);
      counters.recordDrop(DropReason.QUEUE_FULL);
      LOG.warn("{}: no buffer memory for an outbound datagram", localAddress(), e);
      return DropReason.QUEUE_FULL;
    }
    queue.offer(new OutboundQueue.Outbound(recipient, content, packet.length, sink));
    messageStatistics.recordSent(packet);
    scheduleDrain();
    return null;
  }

  /** Why a datagram of {@code length} bytes to {@code destination} cannot be queued, or null. */
  private DropReason admit(Address destination, int length) {
    if (state.get() != State.OPEN) {
      return DropReason.ENDPOINT_CLOSED;
    }
    if (!guard.admit(destination)) {
      return DropReason.LOOPBACK_GUARD;
    }
    if (length > maxPayload) {
      return DropReason.TOO_LARGE;
    }
    if (ipv6 ? destination.isIpv4() : destination.isIpv6()) {
      return DropReason.NO_ADDRESS_FAMILY;
    }
    if (recipientOf(destination) == null) {
      return DropReason.SOCKET_ERROR;
    }
    return null;
  }

  private SendFailedException refusal(DropReason reason, Address destination, int length) {
    String why =
        switch (reason) {
          case ENDPOINT_CLOSED -> "the endpoint is not open";
          case LOOPBACK_GUARD -> "the loopback-only guard refuses the destination";
          case TOO_LARGE -> length + " bytes exceed the " + maxPayload + "-byte UDP payload limit";
          case NO_ADDRESS_FAMILY ->
              "an " + (ipv6 ? "IPv6" : "IPv4") + " socket cannot reach that address family";
          case QUEUE_FULL -> "the outbound queue is full";
          default -> "the socket cannot send to it (a host name or port 0)";
        };
    return new SendFailedException(
        reason, localAddress() + ": datagram to " + destination + " not sent: " + why);
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
            switch (state.get()) {
              case NEW, OPENING -> Mono.empty();
              case CLOSED -> released.asMono();
              case OPEN ->
                  Mono.<Void>create(
                      sink -> {
                        queue.offer(new OutboundQueue.FlushMarker(sink));
                        scheduleDrain();
                      });
            });
  }

  @Override
  public EndpointStatistics statistics() {
    return counters;
  }

  @Override
  public String toString() {
    return "UdpEndpoint[" + localAddress() + ", " + state.get() + "]";
  }

  // ---------------------------------------------------------------- opening

  private Mono<UdpEndpoint> startOpening() {
    if (!state.compareAndSet(State.NEW, State.OPENING)) {
      return Mono.error(
          new IllegalStateException(
              "UDP endpoint "
                  + localAddress()
                  + " was closed and cannot be opened again; build a new one"));
    }
    return NATIVE_TRANSPORT_DETECTION
        .then(Mono.defer(() -> bindFrom(config.port(), 1)))
        .map(this::onBound)
        .doOnError(
            e -> {
              state.set(State.CLOSED);
              fanOut.complete();
              released.tryEmitEmpty();
            });
  }

  private Mono<Connection> bindFrom(int port, int attempt) {
    Mono<Connection> bind = server(port).bind().cast(Connection.class);
    return bind.onErrorResume(
        e -> {
          boolean inUse = isPortUnavailable(e);
          if (inUse && port != 0 && attempt < config.portAttempts() && port < 0xFFFF) {
            LOG.debug("{}:{} is taken, trying port {}", config.host(), port, port + 1);
            return bindFrom(port + 1, attempt + 1);
          }
          return Mono.error(bindFailure(port, attempt, inUse, e));
        });
  }

  private UdpServer server(int port) {
    LoopResources loops =
        config.loopResources() != null ? config.loopResources() : UdpResources.get();
    UdpServer server =
        UdpServer.create()
            .runOn(
                new FamilyLoopResources(
                    loops, ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET))
            .bindAddress(() -> tag(config.host(), port).toInetSocketAddress())
            .option(ChannelOption.SO_RCVBUF, config.receiveBufferSize())
            .option(ChannelOption.SO_BROADCAST, config.broadcast())
            .option(
                ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_ALLOCATION))
            .option(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
            .doOnChannelInit(
                (observer, ch, remote) -> {
                  if (ipv6 && config.ipv6Only()) {
                    ipv6OnlyOption = Ipv6Only.apply(ch);
                  }
                  UdpChannelHandler handler = new UdpChannelHandler(this);
                  if (ch.pipeline().get(NettyPipeline.ReactiveBridge) != null) {
                    ch.pipeline()
                        .addBefore(NettyPipeline.ReactiveBridge, UdpChannelHandler.NAME, handler);
                  } else {
                    ch.pipeline().addLast(UdpChannelHandler.NAME, handler);
                  }
                });
    if (config.sendBufferSize() > 0) {
      server = server.option(ChannelOption.SO_SNDBUF, config.sendBufferSize());
    }
    return server;
  }

  private UdpEndpoint onBound(Connection bound) {
    connection = bound;
    channel = bound.channel();
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    boundAddress = tag(local.getAddress(), local.getPort());
    channel.closeFuture().addListener(f -> onChannelClosed());
    // Reactor Netty switches to manual reads for its own inbound flux, which we never use: we
    // read everything and let the fan-out count what subscribers cannot take.
    channel.config().setAutoRead(true);
    if (!state.compareAndSet(State.OPENING, State.OPEN)) {
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

  private IllegalStateException bindFailure(int port, int attempts, boolean inUse, Throwable e) {
    String where = tag(config.host(), port).toString();
    String message;
    if (inUse) {
      String tried =
          attempts > 1 ? " (tried ports " + (port - attempts + 1) + ".." + port + ")" : "";
      message =
          "Cannot bind UDP endpoint to "
              + where
              + ": the port is already in use (or not permitted)"
              + tried
              + ". Fix: choose a free port with UdpEndpoint.builder().port(..), use port 0 to let"
              + " the operating system choose, or let it try the following ports with"
              + " portAttempts(n).";
    } else {
      message =
          "Cannot bind UDP endpoint to "
              + where
              + ": "
              + (e instanceof ChannelBindException && e.getCause() == null
                  ? "the address is not one of this machine's"
                  : rootMessage(e))
              + ". Fix: bind an address of this machine (0.0.0.0 or 127.0.0.1 for IPv4, :: or"
              + " ::1 for IPv6).";
    }
    return new IllegalStateException(message, e);
  }

  /**
   * Whether a bind failure means the port is unavailable. Reactor Netty reports every bind error as
   * a {@link ChannelBindException} without its cause, so "port taken" is inferred: the bind failed
   * although the host is an address of this machine.
   */
  private boolean isPortUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && m.contains("Address already in use")) {
        return true;
      }
      if (t instanceof ChannelBindException && t.getCause() == null) {
        return isLocalHost();
      }
    }
    return false;
  }

  private boolean isLocalHost() {
    InetAddress ip = tag(config.host(), 0).toInetSocketAddress().getAddress();
    if (ip.isAnyLocalAddress() || ip.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  // ---------------------------------------------------------------- event loop: receive

  /** A datagram arrived. Event loop only; the caller releases {@code content}. */
  void onDatagram(InetSocketAddress sender, ByteBuf content) {
    if (state.get() != State.OPEN) {
      counters.recordDrop(DropReason.ENDPOINT_CLOSED);
      return;
    }
    int length = content.readableBytes();
    byte[] data = new byte[length];
    content.getBytes(content.readerIndex(), data);
    counters.recordReceived(length);
    messageStatistics.recordReceived(data);
    try {
      fanOut.publish(new Datagram(tag(sender.getAddress(), sender.getPort()), data));
    } catch (RuntimeException e) {
      // A subscriber threw out of onNext; keep the socket and the other subscribers alive.
      counters.recordDrop(DropReason.HANDLER_ERROR);
      LOG.warn("{}: a receive() subscriber threw; datagram dropped", localAddress(), e);
    }
  }

  /** The channel reported an error (not one of our writes). Event loop only. */
  void onChannelError(Throwable cause) {
    counters.recordDrop(DropReason.SOCKET_ERROR);
    logSocketError(cause);
  }

  // ---------------------------------------------------------------- event loop: send

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        channel.eventLoop().execute(drainTask);
      } catch (RejectedExecutionException e) {
        // The event loop is gone (its LoopResources were disposed): nothing will write again.
        drainScheduled.set(false);
        dropQueued();
      }
    }
  }

  /** Moves datagrams from the queue to the channel while it is writable. Event loop only. */
  void drain() {
    drainScheduled.set(false);
    Channel ch = channel;
    int budget = WRITE_BATCH;
    boolean wrote = false;
    while (true) {
      if (!ch.isActive()) {
        dropQueued();
        return;
      }
      if (!ch.isWritable()) {
        completeLeadingMarkers();
        break;
      }
      Object item = queue.poll();
      if (item == null) {
        if (overflowing.compareAndSet(true, false)) {
          LOG.info(
              "{}: outbound queue drained; {} datagrams dropped as QUEUE_FULL so far",
              localAddress(),
              counters.drops(DropReason.QUEUE_FULL));
        }
        break;
      }
      if (item instanceof OutboundQueue.FlushMarker marker) {
        completeAfterLastWrite(marker);
        continue;
      }
      OutboundQueue.Outbound datagram = (OutboundQueue.Outbound) item;
      ChannelFuture write = ch.write(new DatagramPacket(datagram.content(), datagram.recipient()));
      write.addListener(new WriteOutcome(datagram.length(), datagram.sink()));
      lastWrite = write;
      wrote = true;
      if (--budget == 0) {
        ch.flush();
        scheduleDrain();
        return;
      }
    }
    if (wrote) {
      ch.flush();
    }
  }

  /** Writability changed (a water mark was crossed). Event loop only. */
  void onWritabilityChanged() {
    if (channel != null && channel.isWritable()) {
      drain();
    }
  }

  private void completeLeadingMarkers() {
    while (queue.peek() instanceof OutboundQueue.FlushMarker) {
      completeAfterLastWrite((OutboundQueue.FlushMarker) queue.poll());
    }
  }

  private void completeAfterLastWrite(OutboundQueue.FlushMarker marker) {
    ChannelFuture last = lastWrite;
    if (last == null || last.isDone()) {
      marker.sink().success();
    } else {
      // Netty completes the writes of one channel in order, so the last one covers the rest.
      last.addListener(f -> marker.sink().success());
    }
  }

  /** Drops everything queued (closed endpoint) and completes waiting flushes. */
  private void dropQueued() {
    Object item;
    while ((item = queue.poll()) != null) {
      if (item instanceof OutboundQueue.Outbound datagram) {
        datagram.content().release();
        counters.recordDrop(DropReason.ENDPOINT_CLOSED);
        if (datagram.sink() != null) {
          datagram.sink().error(refusal(DropReason.ENDPOINT_CLOSED, addressOf(datagram), 0));
        }
      } else if (item instanceof OutboundQueue.FlushMarker marker) {
        completeAfterLastWrite(marker);
      }
    }
  }

  private void onChannelClosed() {
    state.set(State.CLOSED);
    dropQueued();
    fanOut.complete();
    released.tryEmitEmpty();
    LOG.debug("UDP endpoint {} closed", boundAddress);
  }

  private final class WriteOutcome implements ChannelFutureListener {
    private final int length;
    private final MonoSink<Void> sink;

    WriteOutcome(int length, MonoSink<Void> sink) {
      this.length = length;
      this.sink = sink;
    }

    @Override
    public void operationComplete(ChannelFuture future) {
      if (future.isSuccess()) {
        counters.recordSent(length);
        if (sink != null) {
          sink.success();
        }
        return;
      }
      DropReason reason =
          future.cause() instanceof ClosedChannelException
              ? DropReason.ENDPOINT_CLOSED
              : DropReason.SOCKET_ERROR;
      counters.recordDrop(reason);
      if (reason == DropReason.SOCKET_ERROR) {
        logSocketError(future.cause());
      }
      if (sink != null) {
        SendFailedException failure =
            new SendFailedException(
                reason,
                localAddress()
                    + ": the socket did not write the datagram ("
                    + (reason == DropReason.ENDPOINT_CLOSED ? "closed" : future.cause())
                    + ")");
        failure.initCause(future.cause());
        sink.error(failure);
      }
    }
  }

  private void logSocketError(Throwable cause) {
    if (socketErrorLogged.compareAndSet(false, true)) {
      LOG.warn(
          "{}: socket error (counted as SOCKET_ERROR; further ones are logged at DEBUG)",
          localAddress(),
          cause);
    } else {
      LOG.debug("{}: socket error", localAddress(), cause);
    }
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

  private InetSocketAddress recipientOf(Address destination) {
    if (destination.port() == 0) {
      return null;
    }
    boolean literal = ipv6 ? destination.isIpv6() : destination.isIpv4();
    if (!literal) {
      return null;
    }
    InetSocketAddress recipient = destination.toInetSocketAddress();
    InetAddress ip = recipient.getAddress();
    boolean familyMatches = ipv6 ? ip instanceof Inet6Address : ip instanceof Inet4Address;
    return familyMatches ? recipient : null;
  }

  private Address addressOf(OutboundQueue.Outbound datagram) {
    return tag(datagram.recipient().getAddress(), datagram.recipient().getPort());
  }

  private Address tag(InetAddress ip, int port) {
    return tag(ip.getHostAddress(), port);
  }

  private Address tag(String host, int port) {
    return ipv6 ? Address.ipv6(host, port) : Address.ipv4(host, port);
  }
}
