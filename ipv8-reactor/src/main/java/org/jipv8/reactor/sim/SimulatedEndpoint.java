package org.jipv8.reactor.sim;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.EndpointStatistics;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import org.jipv8.reactor.endpoint.DatagramFanOut;
import org.jipv8.reactor.endpoint.EndpointCounters;
import org.jipv8.reactor.endpoint.MessageStatistics;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An {@link Endpoint} on a {@link SimulatedNetwork}: no socket, datagrams travel through the
 * simulation with its loss, latency, duplication, reordering and NAT rules. Create one with {@link
 * SimulatedNetwork#newEndpoint()}, {@link SimulatedNetwork#newEndpointBehindNat(NatType)} or {@link
 * SimulatedNat#newEndpoint()}.
 *
 * <p>Like a UDP endpoint it must be {@linkplain #open() opened} before it sends or receives;
 * datagrams that arrive while it is not open are lost (counted by the network as unreachable).
 * {@link #send} never delivers synchronously: delivery is a task on the network's scheduler. {@link
 * #flush()} completes at once, because {@code send} hands the datagram to the simulation
 * immediately.
 *
 * <p>Drops are counted in {@link #statistics()} of the <em>sending</em> endpoint: {@code
 * ENDPOINT_CLOSED} when it is not open, {@code TOO_LARGE} above the UDP payload limit, {@code
 * SIMULATED_LOSS} for everything the network loses (loss model, NAT filtering, unknown or closed
 * destination). {@link SimulatedNetwork#statistics()} tells these causes apart. A {@code receive()}
 * subscriber without demand loses datagrams counted as {@code RECEIVE_OVERFLOW} at the receiver.
 *
 * <p>Threading: all methods are thread-safe and never block. {@code receive()} subscribers run on
 * the network's scheduler thread.
 */
public final class SimulatedEndpoint implements Endpoint {
  private enum State {
    NEW,
    OPEN,
    CLOSED
  }

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedEndpoint.class);

  private final SimulatedNetwork network;
  private final Address address;
  private final SimulatedNat nat;
  private final EndpointCounters counters = new EndpointCounters();
  private final DatagramFanOut fanOut = new DatagramFanOut(counters);
  private final MessageStatistics messageStatistics;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private volatile ReceiveAdmission admission = ReceiveAdmission.ADMIT_ALL;

  SimulatedEndpoint(
      SimulatedNetwork network, Address address, SimulatedNat nat, MessageStatistics stats) {
    this.network = network;
    this.address = address;
    this.nat = nat;
    this.messageStatistics = stats;
  }

  /** Opens the endpoint (synchronously; the Mono is already complete when returned). */
  @Override
  public Mono<SimulatedEndpoint> open() {
    return Mono.defer(
        () -> {
          if (state.compareAndSet(State.NEW, State.OPEN) || state.get() == State.OPEN) {
            return Mono.just(this);
          }
          return Mono.error(
              new IllegalStateException(
                  "simulated endpoint " + address + " was closed and cannot be reopened"));
        });
  }

  @Override
  public Mono<Void> close() {
    return Mono.fromRunnable(
        () -> {
          if (state.getAndSet(State.CLOSED) != State.CLOSED) {
            synchronized (this) {
              fanOut.complete();
            }
          }
        });
  }

  @Override
  public boolean isOpen() {
    return state.get() == State.OPEN;
  }

  /**
   * This endpoint's own address: its public address, or for an endpoint behind a NAT its LAN
   * address (as a socket behind a NAT sees itself).
   */
  @Override
  public Address localAddress() {
    return address;
  }

  /** The NAT in front of this endpoint, if any. */
  public Optional<SimulatedNat> natDevice() {
    return Optional.ofNullable(nat);
  }

  /** The network this endpoint belongs to. */
  public SimulatedNetwork network() {
    return network;
  }

  /** Per-community, per-message statistics, stamped with the network scheduler's clock. */
  public MessageStatistics messageStatistics() {
    return messageStatistics;
  }

  @Override
  public Flux<Datagram> receive() {
    return fanOut.flux();
  }

  /** Every datagram as a run of its own: the simulation delivers them one at a time. */
  @Override
  public Flux<List<Datagram>> receiveBursts() {
    return fanOut.bursts();
  }

  /** Installs the check run on the network's scheduler for every datagram before delivery. */
  @Override
  public void setReceiveAdmission(ReceiveAdmission check) {
    this.admission = Objects.requireNonNull(check, "admission");
  }

  @Override
  public boolean send(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(packet, "packet");
    return transmit(destination, packet) == null;
  }

  /**
   * Hands the datagram to the simulation on subscription and completes at once (as a socket that
   * accepted it; the simulated network may still lose it). Errors with {@code ENDPOINT_CLOSED} when
   * not open and {@code TOO_LARGE} above the UDP payload limit of the destination's family.
   */
  @Override
  public Mono<Void> write(Address destination, byte[] packet) {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(packet, "packet");
    return Mono.defer(
        () -> {
          DropReason refused = transmit(destination, packet);
          return refused == null
              ? Mono.empty()
              : Mono.error(
                  new SendFailedException(
                      refused, address + ": datagram to " + destination + " refused: " + refused));
        });
  }

  private DropReason transmit(Address destination, byte[] packet) {
    DropReason refused = null;
    if (state.get() != State.OPEN) {
      refused = DropReason.ENDPOINT_CLOSED;
    } else if (packet.length
        > (destination.isIpv6() ? UdpEndpoint.MAX_IPV6_PAYLOAD : UdpEndpoint.MAX_IPV4_PAYLOAD)) {
      refused = DropReason.TOO_LARGE;
    }
    if (refused != null) {
      counters.recordDrop(refused);
      return refused;
    }
    counters.recordSent(packet.length);
    messageStatistics.recordSent(packet);
    network.transmit(this, destination, packet.clone());
    return null;
  }

  /** Completes at once: {@link #send} hands datagrams to the simulation without queueing. */
  @Override
  public Mono<Void> flush() {
    return Mono.empty();
  }

  @Override
  public EndpointStatistics statistics() {
    return counters;
  }

  @Override
  public String toString() {
    return "SimulatedEndpoint[" + address + (nat != null ? " behind " + nat : "") + "]";
  }

  // ---------------------------------------------------------------- network side

  SimulatedNat nat() {
    return nat;
  }

  void recordLoss() {
    counters.recordDrop(DropReason.SIMULATED_LOSS);
  }

  private DropReason admit(byte[] data) {
    ReceiveAdmission check = admission;
    if (check == ReceiveAdmission.ADMIT_ALL) {
      return null;
    }
    try {
      return check.admit(ByteBuffer.wrap(data).asReadOnlyBuffer());
    } catch (RuntimeException e) {
      LOG.debug("{}: a receive admission threw; datagram admitted", address, e);
      return null;
    }
  }

  /** Delivers one datagram; false when this endpoint is not open. Scheduler thread. */
  boolean deliver(Address source, byte[] data) {
    // Serialised per endpoint: the sink needs one emitter at a time even on a parallel scheduler.
    synchronized (this) {
      if (state.get() != State.OPEN) {
        return false;
      }
      counters.recordReceived(data.length);
      DropReason refused = admit(data);
      if (refused != null) {
        counters.recordDrop(refused);
        return true;
      }
      messageStatistics.recordReceived(data);
      try {
        fanOut.publish(new Datagram(source, data));
        fanOut.endOfBurst();
      } catch (RuntimeException e) {
        // A subscriber threw out of onNext; the simulation and other subscribers carry on.
        counters.recordDrop(DropReason.HANDLER_ERROR);
        LOG.warn("{}: a receive() subscriber threw; datagram dropped", address, e);
      }
      return true;
    }
  }
}
