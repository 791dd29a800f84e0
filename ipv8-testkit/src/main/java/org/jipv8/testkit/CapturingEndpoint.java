package org.jipv8.testkit;

import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Records every datagram a node hands to its endpoint, then passes it on unchanged. */
final class CapturingEndpoint implements Endpoint {
  private final Endpoint delegate;
  private final int node;
  private final Scheduler clock;
  private final MessageCapture capture;

  CapturingEndpoint(Endpoint delegate, int node, Scheduler clock, MessageCapture capture) {
    this.delegate = delegate;
    this.node = node;
    this.clock = clock;
    this.capture = capture;
  }

  private void record(Address destination, byte[] packet) {
    capture.add(
        new CapturedDatagram(
            clock.now(TimeUnit.MILLISECONDS), node, delegate.localAddress(), destination, packet));
  }

  @Override
  public Mono<? extends Endpoint> open() {
    return delegate.open().thenReturn(this);
  }

  @Override
  public Mono<Void> close() {
    return delegate.close();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public Address localAddress() {
    return delegate.localAddress();
  }

  @Override
  public Flux<Datagram> receive() {
    return delegate.receive();
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    boolean accepted = delegate.send(destination, packet);
    if (accepted) {
      record(destination, packet);
    }
    return accepted;
  }

  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    return delegate.write(destination, packet).doOnSuccess(v -> record(destination, packet));
  }

  @Override
  public Mono<Void> flush() {
    return delegate.flush();
  }

  @Override
  public EndpointStatistics statistics() {
    return delegate.statistics();
  }

  /** The simulated endpoint underneath. */
  Endpoint delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return "Capturing[" + delegate + "]";
  }
}
