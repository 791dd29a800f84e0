package org.jipv8.reactor.endpoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One endpoint in front of an IPv4 and/or an IPv6 endpoint (py-ipv8's {@code DispatcherEndpoint},
 * runtime spec 9.4): datagrams go out through the child of the destination's family and come in
 * from both.
 *
 * <p>Routing: {@code UDPV4} and {@code UDPV4_LAN} destinations use the IPv4 child, {@code UDPV6}
 * the IPv6 child. A destination no configured child can reach (a host name, or a family without a
 * child) is dropped and counted in this endpoint's statistics, as {@link
 * DropReason#NO_ADDRESS_FAMILY} for an address of a family without a child and as {@link
 * DropReason#SOCKET_ERROR} for a host name (py-ipv8 drops both silently).
 *
 * <p>{@link #open()} opens the children one after another and fails if any fails (py-ipv8 is
 * content with one; a configured interface that cannot bind is a configuration error here). {@link
 * #localAddress()} is the IPv4 child's if there is one (py's preference order), else the IPv6
 * child's. {@link #statistics()} sums the children and this endpoint's own drops.
 *
 * <p>Threading: as its children; all methods are thread-safe and non-blocking.
 */
public final class DispatcherEndpoint implements Endpoint {
  private final Endpoint ipv4;
  private final Endpoint ipv6;
  private final List<Endpoint> children;
  private final EndpointCounters own = new EndpointCounters();
  private final Flux<Datagram> received;
  private final Flux<List<Datagram>> bursts;

  private DispatcherEndpoint(Endpoint ipv4, Endpoint ipv6) {
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
    List<Endpoint> list = new ArrayList<>();
    if (ipv4 != null) {
      list.add(ipv4);
    }
    if (ipv6 != null) {
      list.add(ipv6);
    }
    this.children = List.copyOf(list);
    this.received = Flux.merge(children.stream().map(Endpoint::receive).toList());
    this.bursts = Flux.merge(children.stream().map(Endpoint::receiveBursts).toList());
  }

  /**
   * A dispatcher over an IPv4 endpoint, an IPv6 endpoint, or both (either may be null, not both).
   */
  public static DispatcherEndpoint of(Endpoint ipv4, Endpoint ipv6) {
    if (ipv4 == null && ipv6 == null) {
      throw new IllegalArgumentException(
          "a dispatcher needs at least one endpoint (configure interface UDPIPv4 and/or UDPIPv6)");
    }
    return new DispatcherEndpoint(ipv4, ipv6);
  }

  /** The IPv4 child, or null. */
  public Endpoint ipv4() {
    return ipv4;
  }

  /** The IPv6 child, or null. */
  public Endpoint ipv6() {
    return ipv6;
  }

  @Override
  public Mono<DispatcherEndpoint> open() {
    return Flux.fromIterable(children).concatMap(Endpoint::open).then(Mono.just(this));
  }

  @Override
  public Mono<Void> close() {
    return Flux.fromIterable(children).concatMap(Endpoint::close).then();
  }

  /** True when any child is open. */
  @Override
  public boolean isOpen() {
    return children.stream().anyMatch(Endpoint::isOpen);
  }

  @Override
  public Address localAddress() {
    return children.get(0).localAddress();
  }

  /** Datagrams from all children, merged. */
  @Override
  public Flux<Datagram> receive() {
    return received;
  }

  /** The children's runs, merged (a run never mixes two children). */
  @Override
  public Flux<List<Datagram>> receiveBursts() {
    return bursts;
  }

  /** Each child hands on together what {@code sends} sent through it. */
  @Override
  public void sendTogether(Runnable sends) {
    Runnable all = sends;
    for (Endpoint child : children) {
      Runnable inner = all;
      all = () -> child.sendTogether(inner);
    }
    all.run();
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Endpoint child = childFor(destination);
    if (child == null) {
      own.recordDrop(unreachable(destination));
      return false;
    }
    return child.send(destination, packet);
  }

  /**
   * As the child of the destination's family writes it; with no such child, errors with {@code
   * NO_ADDRESS_FAMILY} (an IP address of a family no child has) or {@code SOCKET_ERROR} (a host
   * name), counted here.
   */
  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(packet, "packet");
    return Mono.defer(
        () -> {
          Endpoint child = childFor(destination);
          if (child == null) {
            DropReason reason = unreachable(destination);
            own.recordDrop(reason);
            return Mono.error(
                new SendFailedException(
                    reason, "no endpoint of " + this + " can send to " + destination));
          }
          return child.write(destination, packet);
        });
  }

  private static DropReason unreachable(Address destination) {
    return destination.kind() == AddressKind.DOMAIN
        ? DropReason.SOCKET_ERROR
        : DropReason.NO_ADDRESS_FAMILY;
  }

  /** Installs {@code admission} on every child. */
  @Override
  public void setReceiveAdmission(ReceiveAdmission admission) {
    children.forEach(c -> c.setReceiveAdmission(admission));
  }

  @Override
  public Mono<Void> flush() {
    return Flux.fromIterable(children).flatMap(Endpoint::flush).then();
  }

  @Override
  public EndpointStatistics statistics() {
    return new Sum();
  }

  private Endpoint childFor(Address destination) {
    if (destination.kind() == AddressKind.UDPV6) {
      return ipv6;
    }
    if (destination.kind() == AddressKind.UDPV4 || destination.kind() == AddressKind.UDPV4_LAN) {
      return ipv4;
    }
    return null;
  }

  @Override
  public String toString() {
    return "DispatcherEndpoint" + children;
  }

  /** A live view summing the children's counters and this endpoint's own drops. */
  private final class Sum implements EndpointStatistics {
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
    public long kernelDrops() {
      return children.stream().mapToLong(c -> c.statistics().kernelDrops()).sum();
    }

    @Override
    public long readPauses() {
      return children.stream().mapToLong(c -> c.statistics().readPauses()).sum();
    }

    @Override
    public Map<DropReason, Long> drops() {
      Map<DropReason, Long> sum = new EnumMap<>(own.drops());
      for (Endpoint c : children) {
        c.statistics().drops().forEach((reason, n) -> sum.merge(reason, n, Long::sum));
      }
      return Map.copyOf(sum);
    }
  }
}
