package org.jipv8.reactor.endpoint;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.time.Duration;
import org.jipv8.api.messaging.DropReason;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint's hook in the Netty pipeline, ahead of Reactor Netty's bridge: it consumes every
 * datagram (so Reactor Netty never buffers inbound data for a subscriber that does not exist),
 * forwards writability changes to the outbound queue, stops reading while a receiver's inbox is
 * full ({@link ReadPause}), gathers a steady stream into runs ({@link ReadCoalescing}), and keeps
 * channel errors from closing the connection. One instance per channel; runs on the channel's event
 * loop only.
 */
final class UdpChannelHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "jipv8.endpoint";

  private final InboundPath inbound;
  private final OutboundDrain outbound;
  private final long coalescingNanos;
  private @Nullable ReadPause pause;
  private @Nullable ReadCoalescing coalescing;
  // Datagrams of the current read loop.
  private int read;

  UdpChannelHandler(InboundPath inbound, OutboundDrain outbound, Duration coalescing) {
    this.inbound = inbound;
    this.outbound = outbound;
    this.coalescingNanos = coalescing.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    pause = inbound.pauseFor(ctx.channel());
    coalescing = new ReadCoalescing(ctx.channel(), coalescingNanos, pause);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.fireChannelActive();
    // Reactor Netty's bridge turns auto-read off when it sets up its own (unused) inbound flux.
    ctx.channel().config().setAutoRead(true);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof DatagramPacket packet) {
      read++;
      try {
        DropReason refused = inbound.onDatagram(packet.sender(), packet.content());
        if (refused == DropReason.INBOX_FULL && pause != null) {
          pause.begin(packet.content());
        }
      } finally {
        packet.release();
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inbound.endOfRead();
    if (coalescing != null) {
      coalescing.endOfRead(read);
    }
    read = 0;
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    outbound.onWritabilityChanged();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Not propagated: Reactor Netty would treat it as fatal for the connection, and one bad
    // datagram or ICMP error must never take the socket down.
    outbound.onChannelError(cause);
  }
}
