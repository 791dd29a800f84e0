package org.jipv8.benchmarks;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.messaging.DropReason;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An endpoint without a socket: {@link #inject} hands a copy of a datagram to the receive stream on
 * the calling thread (the copy the UDP endpoint makes out of Netty's buffer), and whatever is sent
 * is counted and discarded. Always open.
 */
final class FeedEndpoint implements Endpoint {
  private final Address address;
  private final Sinks.Many<Datagram> received = Sinks.many().multicast().directBestEffort();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sentBytes = new AtomicLong();
  private final AtomicLong receivedCount = new AtomicLong();
  private final AtomicLong receivedBytes = new AtomicLong();

  FeedEndpoint(Address address) {
    this.address = address;
  }

  /** Delivers a copy of {@code data} from {@code source}; one thread at a time. */
  void inject(Address source, byte[] data) {
    receivedCount.incrementAndGet();
    receivedBytes.addAndGet(data.length);
    received.tryEmitNext(new Datagram(source, data.clone()));
  }

  @Override
  public Mono<FeedEndpoint> open() {
    return Mono.just(this);
  }

  @Override
  public Mono<Void> close() {
    received.tryEmitComplete();
    return Mono.empty();
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public Address localAddress() {
    return address;
  }

  @Override
  public Flux<Datagram> receive() {
    return received.asFlux();
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    sent.incrementAndGet();
    sentBytes.addAndGet(packet.length);
    return true;
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
        return sent.get();
      }

      @Override
      public long bytesSent() {
        return sentBytes.get();
      }

      @Override
      public long packetsReceived() {
        return receivedCount.get();
      }

      @Override
      public long bytesReceived() {
        return receivedBytes.get();
      }

      @Override
      public Map<DropReason, Long> drops() {
        return new EnumMap<>(DropReason.class);
      }
    };
  }
}
