package org.jipv8.reactor.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Several endpoints (one IPv4, one IPv6) behind one (py-ipv8's {@code DispatcherEndpoint}):
 * datagrams from all children are merged; a send goes to the first child of the destination's
 * family and is dropped and counted (SOCKET_ERROR) when there is none.
 */
final class DispatchingEndpoint implements Endpoint {
  private final List<Endpoint> children;
  private final java.util.concurrent.atomic.AtomicLong unroutable =
      new java.util.concurrent.atomic.AtomicLong();

  DispatchingEndpoint(List<Endpoint> children) {
    this.children = List.copyOf(children);
  }

  @Override
  public Mono<? extends Endpoint> open() {
    return Flux.fromIterable(children).concatMap(Endpoint::open).then(Mono.just(this));
  }

  @Override
  public Mono<Void> close() {
    return Flux.fromIterable(children).flatMap(Endpoint::close).then();
  }

  @Override
  public boolean isOpen() {
    return children.stream().anyMatch(Endpoint::isOpen);
  }

  @Override
  public Address localAddress() {
    return children.get(0).localAddress();
  }

  @Override
  public Flux<Datagram> receive() {
    return Flux.merge(children.stream().map(Endpoint::receive).toList());
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    boolean v6 = destination.isIpv6();
    for (Endpoint child : children) {
      if (child.localAddress().isIpv6() == v6) {
        return child.send(destination, packet);
      }
    }
    unroutable.incrementAndGet();
    return false;
  }

  @Override
  public Mono<Void> flush() {
    return Flux.fromIterable(children).flatMap(Endpoint::flush).then();
  }

  @Override
  public EndpointStatistics statistics() {
    return new EndpointStatistics() {
      @Override
      public long packetsSent() {
        return children.stream().mapToLong(c -> c.statistics().packetsSent()).sum();
      }

      @Override
      public long bytesSent() {
        return children.stream().mapToLong(c -> c.statistics().bytesSent()).sum();
      }

      @Override
      public long packetsReceived() {
        return children.stream().mapToLong(c -> c.statistics().packetsReceived()).sum();
      }

      @Override
      public long bytesReceived() {
        return children.stream().mapToLong(c -> c.statistics().bytesReceived()).sum();
      }

      @Override
      public Map<DropReason, Long> drops() {
        Map<DropReason, Long> sum = new EnumMap<>(DropReason.class);
        children.forEach(c -> c.statistics().drops().forEach((k, v) -> sum.merge(k, v, Long::sum)));
        if (unroutable.get() > 0) {
          sum.merge(DropReason.SOCKET_ERROR, unroutable.get(), Long::sum);
        }
        return sum;
      }
    };
  }
}
