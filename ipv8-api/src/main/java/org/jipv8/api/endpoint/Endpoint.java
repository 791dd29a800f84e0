package org.jipv8.api.endpoint;

import java.util.List;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A datagram transport: one UDP socket, a simulated one, or several behind a dispatcher.
 *
 * <p>Promises:
 *
 * <ul>
 *   <li>{@link #receive()} is a hot {@code Flux} that never errors because of bad input; it
 *       completes when the endpoint closes.
 *   <li>{@link #send} never blocks and never throws because of the network: a datagram that cannot
 *       be sent (queue full, closed, refused by the loopback guard, socket error) is dropped and
 *       counted in {@link #statistics()}.
 *   <li>{@link #flush()} completes once every datagram accepted by {@code send} before the call has
 *       been handed to the socket (or dropped and counted). The strategy scheduler waits on it
 *       between steps, which is how sends are paced to the socket.
 * </ul>
 *
 * <p>All methods are thread-safe.
 */
public interface Endpoint {

  /** Opens the endpoint; emits it once bound. Fails with a message naming the address. */
  Mono<? extends Endpoint> open();

  /** Closes the endpoint and releases the socket; completes when released. Idempotent. */
  Mono<Void> close();

  /** Whether the endpoint is open. */
  boolean isOpen();

  /** The bound address (with the real port when port 0 was asked for). */
  Address localAddress();

  /** Received datagrams. Hot; subscribers see datagrams from the time they subscribe. */
  Flux<Datagram> receive();

  /** The most datagrams one list of {@link #receiveBursts()} holds. */
  int MAX_BURST = 32;

  /**
   * The datagrams of {@link #receive()}, in the same order, grouped as the transport read them:
   * each list holds the consecutive datagrams of one read (at least one, at most {@link
   * #MAX_BURST}) and is emitted when that read ends. A subscriber that hands datagrams to another
   * thread can do so once per list instead of once per datagram. Hot, like {@code receive()}; the
   * lists are unmodifiable. A subscriber without demand loses whole lists (counted per datagram, as
   * for {@code receive()}).
   *
   * <p>This default emits every datagram as a list of one; endpoints that read in bursts override
   * it.
   */
  default Flux<List<Datagram>> receiveBursts() {
    return receive().map(List::of);
  }

  /**
   * Installs the check asked about every received datagram before it is copied out of the
   * transport's buffer (replacing the previous one; {@link ReceiveAdmission#ADMIT_ALL} removes it).
   * A datagram it refuses never reaches {@link #receive()} and is counted in {@link #statistics()}
   * under the reason it returned. Any thread; takes effect for the next datagram.
   *
   * <p>This default ignores the admission (everything is admitted, and refused later by whoever
   * receives it); endpoints that can refuse earlier override it.
   */
  default void setReceiveAdmission(ReceiveAdmission admission) {
    Objects.requireNonNull(admission, "admission");
  }

  /**
   * Queues one datagram. Returns false when it was dropped at once (and counted); true means it was
   * accepted by the outbound queue, not that it was delivered (UDP is best effort).
   */
  boolean send(Address destination, byte[] packet);

  /**
   * Sends one datagram lazily: nothing happens until subscription; subscribing queues it, and the
   * {@code Mono} completes once the datagram has been handed to the socket, or errors with {@link
   * SendFailedException} whose {@link SendFailedException#reason() reason} says why it was refused
   * (queue full, endpoint closed, loopback guard, too large, socket error). Each subscription sends
   * once more. The drop is counted in {@link #statistics()} as with {@link #send}.
   *
   * <p>This default is exact only for the closed and queue-full cases; endpoints override it to
   * report the reason of every refusal.
   */
  default Mono<Void> write(Address destination, byte[] packet) {
    return Mono.defer(
        () -> {
          if (!isOpen()) {
            return Mono.error(
                new SendFailedException(
                    DropReason.ENDPOINT_CLOSED, "endpoint closed; not sent to " + destination));
          }
          if (!send(destination, packet)) {
            return Mono.error(
                new SendFailedException(
                    DropReason.QUEUE_FULL, "datagram to " + destination + " was refused"));
          }
          return flush();
        });
  }

  /** Completes when everything queued before this call has left the queue. */
  Mono<Void> flush();

  /**
   * Runs {@code sends} on the calling thread, and hands whatever it {@link #send sent} to the
   * socket together when it returns rather than one datagram at a time: the socket's thread is
   * woken once, and may write them in one system call. Nothing is dropped or reordered by this;
   * datagrams sent meanwhile by other threads go out as usual (and may take the held ones along).
   * Calls may nest (the outermost one hands on). For a thread that sends a number of datagrams in
   * one go, such as a community answering a run of requests. An exception from {@code sends} is
   * thrown on after what it sent was handed on. A {@link #flush()} subscribed inside completes only
   * after the call returned, so never wait for one there.
   *
   * <p>This default simply runs {@code sends}.
   */
  default void sendTogether(Runnable sends) {
    sends.run();
  }

  /** Counters of what went through and what was dropped, by reason. */
  EndpointStatistics statistics();
}
