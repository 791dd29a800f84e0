package org.jipv8.reactor.endpoint;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Loop resources that create datagram channels of one address family, on whatever transport the
 * wrapped resources choose (epoll, kqueue, io_uring or NIO).
 *
 * <p>Why: without a family, native transports open an IPv6 dual-stack socket, which binds {@code
 * 0.0.0.0} as {@code ::} and so receives IPv6 traffic on the IPv4 endpoint; with a family, Reactor
 * Netty's {@code runOn(loops, family)} gives up the native transport, and only native transports
 * can set IPV6_V6ONLY. Every Netty datagram channel has a {@code (SocketProtocolFamily)}
 * constructor, so this picks the transport's class as usual and passes the family to it.
 *
 * <p>Everything else is delegated; disposing this wrapper disposes nothing (the endpoint does not
 * own the loops).
 */
final class FamilyLoopResources implements LoopResources {
  private final LoopResources delegate;
  private final SocketProtocolFamily family;

  FamilyLoopResources(LoopResources delegate, SocketProtocolFamily family) {
    this.delegate = delegate;
    this.family = family;
  }

  @Override
  public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
    if (channelType != DatagramChannel.class) {
      return delegate.onChannel(channelType, group);
    }
    Class<? extends C> implementation = delegate.onChannelClass(channelType, group);
    try {
      return implementation.getConstructor(SocketProtocolFamily.class).newInstance(family);
    } catch (InvocationTargetException e) {
      throw new ChannelException(
          "cannot open a " + family + " datagram socket: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ChannelException(
          implementation.getName() + " has no (SocketProtocolFamily) constructor", e);
    }
  }

  @Override
  public <C extends Channel> Class<? extends C> onChannelClass(
      Class<C> channelType, EventLoopGroup group) {
    return delegate.onChannelClass(channelType, group);
  }

  @Override
  public EventLoopGroup onServer(boolean useNative) {
    return delegate.onServer(useNative);
  }

  @Override
  public EventLoopGroup onClient(boolean useNative) {
    return delegate.onClient(useNative);
  }

  @Override
  public EventLoopGroup onServerSelect(boolean useNative) {
    return delegate.onServerSelect(useNative);
  }

  @Override
  public boolean daemon() {
    return delegate.daemon();
  }

  @Override
  public void dispose() {
    // Not ours to dispose.
  }

  @Override
  public Mono<Void> disposeLater() {
    return Mono.empty();
  }

  @Override
  public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
    return Mono.empty();
  }

  @Override
  public boolean isDisposed() {
    return delegate.isDisposed();
  }
}
