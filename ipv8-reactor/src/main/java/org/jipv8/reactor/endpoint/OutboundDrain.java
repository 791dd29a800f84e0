package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The send side of a UDP socket: the bounded {@link OutboundQueue} filled from any thread, and the
 * drain loop on the channel's event loop that moves datagrams to the channel while Netty reports it
 * writable, a batch per task so reads on the same loop interleave. Every datagram ends counted:
 * written ({@code packetsSent}), or dropped under the reason Netty or the queue gave, and the
 * {@code write} waiting for it (if any) completes or errors with that reason.
 *
 * <p>Threading: {@link #enqueue} and {@link #flush} from any thread, lock-free; everything else on
 * the event loop.
 */
final class OutboundDrain {
  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

  /** Datagrams moved to the channel per event-loop task, so reads on the same loop interleave. */
  private static final int WRITE_BATCH = 1024;

  private final OutboundQueue queue;
  private final EndpointCounters counters;
  private final SendAdmission admission;
  private final Supplier<Address> local;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean overflowing = new AtomicBoolean();
  private final AtomicBoolean socketErrorLogged = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  // The thread inside sendTogether, whose datagrams wait for it to return before the drain is
  // scheduled; null when none is.
  private final AtomicReference<Thread> together = new AtomicReference<>();
  private boolean drainDeferred;

  private volatile Channel channel;

  /** Only touched on the event loop: the future of the most recent write. */
  private ChannelFuture lastWrite;

  OutboundDrain(
      OutboundQueue queue,
      EndpointCounters counters,
      SendAdmission admission,
      Supplier<Address> local) {
    this.queue = queue;
    this.counters = counters;
    this.admission = admission;
    this.local = local;
  }

  /** The socket is bound: datagrams go to {@code bound} from now on. */
  void attach(Channel bound) {
    this.channel = bound;
  }

  OutboundQueue queue() {
    return queue;
  }

  /**
   * Copies {@code packet} into a direct buffer and queues it; the reason it was dropped (and
   * counted), or null when queued. The channel must be attached.
   */
  DropReason enqueue(InetSocketAddress recipient, byte[] packet, MonoSink<Void> sink) {
    if (!queue.tryReserve(packet.length)) {
      counters.recordDrop(DropReason.QUEUE_FULL);
      if (overflowing.compareAndSet(false, true)) {
        LOG.warn(
            "{}: outbound queue full ({} datagrams max); dropping datagrams (counted as"
                + " QUEUE_FULL) until it drains",
            local.get(),
            queue.capacity());
      }
      return DropReason.QUEUE_FULL;
    }
    ByteBuf content;
    try {
      content = channel.alloc().directBuffer(packet.length).writeBytes(packet);
    } catch (RuntimeException | OutOfMemoryError e) {
      queue.cancelReservation(packet.length);
      counters.recordDrop(DropReason.QUEUE_FULL);
      LOG.warn("{}: no buffer memory for an outbound datagram", local.get(), e);
      return DropReason.QUEUE_FULL;
    }
    queue.offer(new OutboundQueue.Outbound(recipient, content, packet.length, sink));
    scheduleDrain();
    return null;
  }

  /** Completes when everything queued before the subscription was written or dropped. */
  Mono<Void> flush() {
    return Mono.create(
        sink -> {
          queue.offer(new OutboundQueue.FlushMarker(sink));
          scheduleDrain();
        });
  }

  /**
   * Runs {@code sends}, scheduling the drain once at the end for what the calling thread queued in
   * it (see {@link org.jipv8.api.endpoint.Endpoint#sendTogether}).
   */
  void together(Runnable sends) {
    Thread me = Thread.currentThread();
    if (together.get() == me || !together.compareAndSet(null, me)) {
      // Nested, or another thread is sending together: send as usual.
      sends.run();
      return;
    }
    try {
      sends.run();
    } finally {
      together.set(null);
      if (drainDeferred) {
        drainDeferred = false;
        scheduleDrain();
      }
    }
  }

  private void scheduleDrain() {
    if (together.get() == Thread.currentThread()) {
      // Only the thread inside together() reads and writes this flag.
      drainDeferred = true;
      return;
    }
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
              local.get(),
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
    Channel ch = channel;
    if (ch != null && ch.isWritable()) {
      drain();
    }
  }

  /** The channel reported an error that is not one of our writes. Event loop only. */
  void onChannelError(Throwable cause) {
    counters.recordDrop(DropReason.SOCKET_ERROR);
    logSocketError(cause);
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
  void dropQueued() {
    Object item;
    while ((item = queue.poll()) != null) {
      if (item instanceof OutboundQueue.Outbound datagram) {
        datagram.content().release();
        counters.recordDrop(DropReason.ENDPOINT_CLOSED);
        if (datagram.sink() != null) {
          Address destination = Address.of(datagram.recipient());
          datagram
              .sink()
              .error(
                  admission.refusal(
                      local.get(), DropReason.ENDPOINT_CLOSED, destination, datagram.length()));
        }
      } else if (item instanceof OutboundQueue.FlushMarker marker) {
        completeAfterLastWrite(marker);
      }
    }
  }

  private void logSocketError(Throwable cause) {
    if (socketErrorLogged.compareAndSet(false, true)) {
      LOG.warn(
          "{}: socket error (counted as SOCKET_ERROR; further ones are logged at DEBUG)",
          local.get(),
          cause);
    } else {
      LOG.debug("{}: socket error", local.get(), cause);
    }
  }

  /** Counts the outcome of one write and tells the waiting {@code write}, if any. */
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
                local.get()
                    + ": the socket did not write the datagram ("
                    + (reason == DropReason.ENDPOINT_CLOSED ? "closed" : future.cause())
                    + ")");
        failure.initCause(future.cause());
        sink.error(failure);
      }
    }
  }
}
