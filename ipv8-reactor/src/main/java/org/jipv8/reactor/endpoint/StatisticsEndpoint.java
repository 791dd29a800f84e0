package org.jipv8.reactor.endpoint;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An endpoint that counts traffic per community and message id in a {@link MessageStatistics} and
 * otherwise is the endpoint it wraps (py-ipv8's {@code StatisticsEndpoint}): a datagram is counted
 * as sent when the wrapped endpoint accepts it, and as received once when it arrives, however many
 * subscribers {@link #receive()} has.
 *
 * <p>It listens to the wrapped endpoint's receive stream from construction until that stream
 * completes (the wrapped endpoint closed). Subscribers of {@link #receive()} run on the wrapped
 * endpoint's receive thread; one without demand loses datagrams, counted as {@code
 * RECEIVE_OVERFLOW} in {@link #statistics()}, which otherwise are the wrapped endpoint's.
 *
 * <p>Threading: as the wrapped endpoint; all methods are thread-safe and non-blocking.
 */
public final class StatisticsEndpoint implements Endpoint {
  private final Endpoint inner;
  private final MessageStatistics statistics;
  private final EndpointCounters own = new EndpointCounters();
  private final DatagramFanOut fanOut = new DatagramFanOut(own);
  private final Disposable listening;

  private StatisticsEndpoint(Endpoint inner, MessageStatistics statistics) {
    this.inner = inner;
    this.statistics = statistics;
    this.listening =
        inner
            .receive()
            .subscribe(
                datagram -> {
                  statistics.recordReceived(datagram.data());
                  fanOut.publish(datagram);
                },
                error -> fanOut.complete(),
                fanOut::complete);
  }

  /** Wraps {@code inner} with fresh statistics stamped with the system clock. */
  public static StatisticsEndpoint wrap(Endpoint inner) {
    return wrap(inner, MessageStatistics.create());
  }

  /** Wraps {@code inner}, counting into {@code statistics} (which may be shared). */
  public static StatisticsEndpoint wrap(Endpoint inner, MessageStatistics statistics) {
    return new StatisticsEndpoint(
        Objects.requireNonNull(inner, "inner"), Objects.requireNonNull(statistics, "statistics"));
  }

  /** The per-community, per-message statistics this endpoint feeds. */
  public MessageStatistics messageStatistics() {
    return statistics;
  }

  /** The wrapped endpoint. */
  public Endpoint inner() {
    return inner;
  }

  @Override
  public Mono<StatisticsEndpoint> open() {
    return inner.open().thenReturn(this);
  }

  @Override
  public Mono<Void> close() {
    return inner.close().doFinally(s -> listening.dispose()).doFinally(s -> fanOut.complete());
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @Override
  public Address localAddress() {
    return inner.localAddress();
  }

  @Override
  public Flux<Datagram> receive() {
    return fanOut.flux();
  }

  /** The wrapped endpoint's runs (its datagrams are counted as they arrive, whoever listens). */
  @Override
  public Flux<List<Datagram>> receiveBursts() {
    return inner.receiveBursts();
  }

  @Override
  public void setReceiveAdmission(ReceiveAdmission admission) {
    inner.setReceiveAdmission(admission);
  }

  @Override
  public void sendTogether(Runnable sends) {
    inner.sendTogether(sends);
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    boolean accepted = inner.send(destination, packet);
    if (accepted) {
      statistics.recordSent(packet);
    }
    return accepted;
  }

  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    return inner.write(destination, packet).doOnSuccess(v -> statistics.recordSent(packet));
  }

  @Override
  public Mono<Void> flush() {
    return inner.flush();
  }

  @Override
  public EndpointStatistics statistics() {
    EndpointStatistics wrapped = inner.statistics();
    return new EndpointStatistics() {
      @Override
      public long packetsSent() {
        return wrapped.packetsSent();
      }

      @Override
      public long bytesSent() {
        return wrapped.bytesSent();
      }

      @Override
      public long packetsReceived() {
        return wrapped.packetsReceived();
      }

      @Override
      public long bytesReceived() {
        return wrapped.bytesReceived();
      }

      @Override
      public long kernelDrops() {
        return wrapped.kernelDrops();
      }

      @Override
      public Map<DropReason, Long> drops() {
        Map<DropReason, Long> sum = new EnumMap<>(DropReason.class);
        sum.putAll(wrapped.drops());
        own.drops().forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        return Map.copyOf(sum);
      }
    };
  }

  @Override
  public String toString() {
    return "StatisticsEndpoint[" + inner + "]";
  }
}
