package org.jipv8.reactor.community;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.DecodeStage.Prepared;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of the receive pipeline, on the protocol thread in arrival order: refreshes the
 * last-response time of the verified peer at the source, counts the datagram, then either runs the
 * handler and tells the {@link Taps} (subscribers, pending requests), or counts the drop by reason
 * and message id. Bad input is logged through a {@link DropLog}, never one line per datagram. Never
 * throws.
 */
final class DispatchStage {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  /** Thrown by an invoker when the user's handler failed; carries the peer to the log line. */
  static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Peer peer;

    HandlerFailure(Peer peer, Throwable cause) {
      super(cause);
      this.peer = peer;
    }
  }

  private final String owner;
  private final CommunityStatistics statistics;
  private final Network network;
  private final LongSupplier clock;
  private final BooleanSupplier stopped;
  private final Taps taps;
  private final DropLog drops;
  // Set by dropAs while a handler runs; only touched on the protocol thread.
  private boolean droppedByHandler;

  DispatchStage(
      String owner,
      CommunityStatistics statistics,
      Network network,
      LongSupplier clock,
      BooleanSupplier stopped,
      Taps taps) {
    this.owner = owner;
    this.statistics = statistics;
    this.network = network;
    this.clock = clock;
    this.stopped = stopped;
    this.taps = taps;
    this.drops = new DropLog(log, owner, clock);
  }

  /** Handles one prepared datagram; never throws. */
  void process(Prepared p) {
    try {
      processUnsafe(p);
    } catch (RuntimeException e) {
      log.error("{}: unexpected failure on a datagram from {}", owner, p.datagram().source(), e);
    }
  }

  /** The rate-limited log of drops (tests). */
  DropLog dropLog() {
    return drops;
  }

  private void processUnsafe(Prepared p) {
    if (stopped.getAsBoolean()) {
      return;
    }
    Datagram d = p.datagram();
    Address source = d.source();
    Peer known = network.getVerifiedByAddress(source);
    if (known != null) {
      known.setLastResponse(clock.getAsLong());
    }
    int id = p.messageId();
    if (id >= 0) {
      statistics.countReceived(id, d.length());
    }
    if (p.early() != null) {
      statistics.countDrop(p.early(), id);
      logEarlyDrop(p, id, source);
      return;
    }
    if (p.entry().gate() != null && p.entry().gate().getAsBoolean()) {
      statistics.countDrop(DropReason.POLICY, id);
      if (log.isDebugEnabled()) {
        log.debug("{}: message {} from {} dropped: peer limit", owner, id, source);
      }
      return;
    }
    if (p.error() != null) {
      PacketDecodingException e = p.error();
      statistics.countDrop(e.reason(), id);
      drops.drop(
          e.reason(),
          "dropped message {} ({}) from {}: {} at field '{}' offset {}: {}",
          id,
          p.entry().name(),
          source,
          e.reason(),
          e.field(),
          e.offset(),
          e.getMessage());
      return;
    }
    handle(p, id, source);
  }

  private void handle(Prepared p, int id, Address source) {
    try {
      droppedByHandler = false;
      Received<?> received = p.invoke();
      if (droppedByHandler) {
        return;
      }
      DropReason tapped =
          received == null ? null : taps.deliver(id, received, !p.entry().tapOnly());
      if (tapped != null) {
        statistics.countDrop(tapped, id);
      } else {
        statistics.countHandled(id);
      }
    } catch (HandlerFailure e) {
      statistics.countDrop(DropReason.HANDLER_ERROR, id);
      drops.drop(
          DropReason.HANDLER_ERROR,
          "handler of message {} ({}) failed for peer {} at {}",
          id,
          p.entry().name(),
          e.peer,
          source,
          e.getCause());
    } catch (RuntimeException | AssertionError e) {
      statistics.countDrop(DropReason.HANDLER_ERROR, id);
      drops.drop(
          DropReason.HANDLER_ERROR,
          "handler of message {} ({}) failed for {}",
          id,
          p.entry().name(),
          source,
          e);
    }
  }

  private void logEarlyDrop(Prepared p, int id, Address source) {
    switch (p.early()) {
      case UNKNOWN_MESSAGE ->
          drops.drop(p.early(), "received unknown message {} from {}", id, source);
      case DEPRECATED_MESSAGE ->
          drops.drop(
              p.early(),
              "received deprecated message {} ({}) from {}",
              DeprecatedMessages.NAMES.get(id),
              id,
              source);
      default -> {
        if (log.isDebugEnabled()) {
          log.debug(
              "{}: dropped a {}-byte datagram from {}: {}",
              owner,
              p.datagram().length(),
              source,
              p.early());
        }
      }
    }
  }

  /** Counts the message being handled as dropped for {@code reason} instead of handled. */
  void dropAs(DropReason reason, int messageId) {
    statistics.countDrop(reason, messageId);
    droppedByHandler = true;
  }
}
