package org.jipv8.reactor.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A test {@link Endpoint} on a {@link MemoryInternet}: reachable at a LAN and a WAN address,
 * receives with the sender's WAN address as source, and has the WAN address as local address (as
 * py-ipv8's {@code MockEndpoint}). Open and close are immediate. A closed endpoint drops what it
 * sends and what arrives (counted as {@code ENDPOINT_CLOSED}).
 */
public final class MemoryEndpoint implements Endpoint {
  private final MemoryInternet internet;
  private final Address lan;
  private final Address wan;
  private final Sinks.Many<Datagram> received = Sinks.many().multicast().directBestEffort();
  private final Sinks.Many<List<Datagram>> runs = Sinks.many().multicast().directBestEffort();
  private final AtomicLong packetsSent = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong packetsReceived = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong closedDrops = new AtomicLong();
  private volatile boolean open;

  MemoryEndpoint(MemoryInternet internet, Address lan, Address wan) {
    this.internet = internet;
    this.lan = lan;
    this.wan = wan;
  }

  /** The LAN address. */
  public Address lan() {
    return lan;
  }

  /** The WAN address (also the local address and the source of everything sent). */
  public Address wan() {
    return wan;
  }

  @Override
  public Mono<MemoryEndpoint> open() {
    return Mono.fromSupplier(
        () -> {
          open = true;
          return this;
        });
  }

  /** Opens at once (tests). */
  public MemoryEndpoint openNow() {
    open = true;
    return this;
  }

  @Override
  public Mono<Void> close() {
    return Mono.fromRunnable(
        () -> {
          open = false;
          received.tryEmitComplete();
        });
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public Address localAddress() {
    return wan;
  }

  @Override
  public Flux<Datagram> receive() {
    return received.asFlux();
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    if (!open) {
      closedDrops.incrementAndGet();
      return false;
    }
    packetsSent.incrementAndGet();
    bytesSent.addAndGet(packet.length);
    internet.send(this, destination, packet);
    return true;
  }

  /** Completes at once when open (delivery is synchronous); errors with ENDPOINT_CLOSED if not. */
  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    return Mono.defer(
        () ->
            send(destination, packet)
                ? Mono.empty()
                : Mono.error(
                    new SendFailedException(
                        DropReason.ENDPOINT_CLOSED,
                        this + " is closed; not sent to " + destination)));
  }

  void deliver(Address source, byte[] data) {
    deliverRun(source, List.of(data));
  }

  /** Injects a datagram as if it came from {@code source} (delivered synchronously). */
  public void inject(Address source, byte[] data) {
    deliver(source, data.clone());
  }

  /**
   * Injects datagrams as if {@code source} sent them and one read of a socket took them: each goes
   * to {@link #receive()} in turn, then all of them as one list to {@link #receiveBursts()} (tests
   * of what a run changes). Delivered synchronously; nothing arrives while closed.
   */
  public void injectRun(Address source, List<byte[]> data) {
    deliverRun(source, data.stream().map(byte[]::clone).toList());
  }

  private void deliverRun(Address source, List<byte[]> data) {
    if (!open) {
      closedDrops.addAndGet(data.size());
      return;
    }
    List<Datagram> run = new ArrayList<>(data.size());
    synchronized (received) {
      for (byte[] d : data) {
        packetsReceived.incrementAndGet();
        bytesReceived.addAndGet(d.length);
        Datagram datagram = new Datagram(source, d);
        run.add(datagram);
        received.tryEmitNext(datagram);
      }
      runs.tryEmitNext(Collections.unmodifiableList(run));
    }
  }

  /** Each delivered datagram as a run of its own, and each {@link #injectRun} as one run. */
  @Override
  public Flux<List<Datagram>> receiveBursts() {
    return runs.asFlux();
  }

  @Override
  public Mono<Void> flush() {
    return Mono.empty();
  }

  @Override
  public EndpointStatistics statistics() {
    return new EndpointStatistics() {
      @Override
      public long packetsSent() {
        return packetsSent.get();
      }

      @Override
      public long bytesSent() {
        return bytesSent.get();
      }

      @Override
      public long packetsReceived() {
        return packetsReceived.get();
      }

      @Override
      public long bytesReceived() {
        return bytesReceived.get();
      }

      @Override
      public Map<DropReason, Long> drops() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        if (closedDrops.get() > 0) {
          m.put(DropReason.ENDPOINT_CLOSED, closedDrops.get());
        }
        return m;
      }
    };
  }

  @Override
  public String toString() {
    return "MemoryEndpoint[" + wan + "]";
  }
}
