package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.MonoSink;

/**
 * The bounded, multi-producer single-consumer queue between {@code send()} (any thread) and the
 * channel's event loop (the only consumer).
 *
 * <p>Capacity is reserved before an item is offered, so the number of waiting datagrams never
 * exceeds the bound, not even for an instant, whatever the number of producers. Flush markers go
 * through the same FIFO (which is what makes "everything queued before the flush" exact) but take
 * no capacity.
 */
final class OutboundQueue {

  /**
   * One datagram waiting to be written; owns one reference of {@code content}. {@code sink} is the
   * caller of {@code write} waiting for the outcome, or null for a fire-and-forget {@code send}.
   */
  record Outbound(InetSocketAddress recipient, ByteBuf content, int length, MonoSink<Void> sink) {}

  /** A {@code flush()} waiting for everything ahead of it. */
  record FlushMarker(MonoSink<Void> sink) {}

  private final int capacity;
  private final long maxBytes;
  private final Queue<Object> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger peak = new AtomicInteger();

  OutboundQueue(int capacity, long maxBytes) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  /** Reserves room for one datagram of {@code length} bytes; false when the queue is full. */
  boolean tryReserve(int length) {
    int n = size.incrementAndGet();
    if (n > capacity) {
      size.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(length) > maxBytes) {
      bytes.addAndGet(-length);
      size.decrementAndGet();
      return false;
    }
    int p = peak.get();
    while (n > p && !peak.compareAndSet(p, n)) {
      p = peak.get();
    }
    return true;
  }

  /** Gives back a reservation that was not used (the datagram could not be queued after all). */
  void cancelReservation(int length) {
    bytes.addAndGet(-length);
    size.decrementAndGet();
  }

  /** Queues a datagram whose room was reserved. */
  void offer(Outbound datagram) {
    items.offer(datagram);
  }

  /** Queues a flush marker (no reservation needed). */
  void offer(FlushMarker marker) {
    items.offer(marker);
  }

  /** The next item, releasing a datagram's reservation; null when empty. Consumer only. */
  Object poll() {
    Object item = items.poll();
    if (item instanceof Outbound o) {
      cancelReservation(o.length());
    }
    return item;
  }

  /** The next item without removing it. Consumer only. */
  Object peek() {
    return items.peek();
  }

  /** Datagrams waiting now. */
  int size() {
    return size.get();
  }

  /** The most datagrams that ever waited at once. */
  int peak() {
    return peak.get();
  }

  int capacity() {
    return capacity;
  }
}
