package org.jipv8.reactor.endpoint;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketProtocolFamily;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.BindFailedException;
import org.jipv8.api.endpoint.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;
import reactor.netty.udp.UdpResources;
import reactor.netty.udp.UdpServer;

/**
 * Binds the socket of a {@link UdpEndpoint}: socket options from the configuration, the endpoint's
 * handler in the pipeline, and the port search ({@code portAttempts} consecutive ports while the
 * port is taken). A failure is a {@link BindFailedException} saying what was tried and why it
 * failed.
 */
final class UdpSocketBinder {
  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

  /** Big enough for any datagram the kernel can hand us, so nothing is ever truncated. */
  private static final int RECEIVE_ALLOCATION = 65_536;

  private final UdpEndpointConfig config;
  private final boolean ipv6;
  private final Supplier<ChannelHandler> handler;
  private final Consumer<Integer> ipv6OnlyApplied;

  UdpSocketBinder(
      UdpEndpointConfig config, Supplier<ChannelHandler> handler, Consumer<Integer> ipv6Only) {
    this.config = config;
    this.ipv6 = config.isIpv6();
    this.handler = handler;
    this.ipv6OnlyApplied = ipv6Only;
  }

  /** Binds the configured port or, while it is taken, the following ones. */
  Mono<Connection> bind() {
    return bindFrom(config.port(), 1);
  }

  private Mono<Connection> bindFrom(int port, int attempt) {
    Mono<Connection> bind = server(port).bind().cast(Connection.class);
    return bind.onErrorResume(
        e -> {
          Address where = address(port);
          BindFailedException.Cause kind =
              BindDiagnosis.classify(e, where.toInetSocketAddress().getAddress());
          boolean retry =
              kind == BindFailedException.Cause.PORT_IN_USE
                  && port != 0
                  && attempt < config.portAttempts()
                  && port < 0xFFFF;
          if (retry) {
            LOG.debug("{} is taken, trying port {}", where, port + 1);
            return bindFrom(port + 1, attempt + 1);
          }
          return Mono.error(new BindFailedException(where, kind, config.port(), attempt, e));
        });
  }

  private Address address(int port) {
    return ipv6 ? Address.ipv6(config.host(), port) : Address.ipv4(config.host(), port);
  }

  private UdpServer server(int port) {
    LoopResources loops =
        config.loopResources() != null ? config.loopResources() : UdpResources.get();
    UdpServer server =
        UdpServer.create()
            .runOn(
                new FamilyLoopResources(
                    loops, ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET))
            .bindAddress(() -> address(port).toInetSocketAddress())
            .option(ChannelOption.SO_RCVBUF, config.receiveBufferSize())
            .option(ChannelOption.SO_BROADCAST, config.broadcast())
            .option(
                ChannelOption.RECVBUF_ALLOCATOR,
                // A datagram never fills the 64 KiB buffer, so Netty's "maybe more data" guess
                // would end every read after one datagram; keep reading up to the per-read limit
                // (ipv8 bench: raw reads per CPU second 1.3-1.8x).
                // One read loop is one run of Endpoint.receiveBursts().
                new FixedRecvByteBufAllocator(RECEIVE_ALLOCATION)
                    .respectMaybeMoreData(false)
                    .maxMessagesPerRead(Endpoint.MAX_BURST))
            .option(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
            .doOnChannelInit(
                (observer, ch, remote) -> {
                  if (ipv6 && config.ipv6Only()) {
                    ipv6OnlyApplied.accept(Ipv6Only.apply(ch));
                  }
                  ChannelHandler h = handler.get();
                  if (ch.pipeline().get(NettyPipeline.ReactiveBridge) != null) {
                    ch.pipeline()
                        .addBefore(NettyPipeline.ReactiveBridge, UdpChannelHandler.NAME, h);
                  } else {
                    ch.pipeline().addLast(UdpChannelHandler.NAME, h);
                  }
                });
    if (config.sendBufferSize() > 0) {
      server = server.option(ChannelOption.SO_SNDBUF, config.sendBufferSize());
    }
    return server;
  }
}
