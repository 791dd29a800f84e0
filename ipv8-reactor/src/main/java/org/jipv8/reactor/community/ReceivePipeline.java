package org.jipv8.reactor.community;

import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The path of a datagram into one community, as named stages: the {@link PrefixRouter} routes it by
 * prefix into this pipeline's bounded inbox ({@link #deliver}); the {@link DecodeStage} decodes and
 * verifies it on the verification scheduler, on {@link Community#DECODE_CONCURRENCY} parallel
 * rails; {@link InOrder} restores arrival order and the {@link DispatchStage} handles it on the
 * protocol scheduler. When the verification scheduler is the protocol scheduler, both stages run
 * there with no hop between them.
 *
 * <p>Backpressure: the inbox is bounded ({@link Community#INBOX_CAPACITY}); while it is full the
 * endpoint refuses this community's datagrams before copying them and stops reading until a quarter
 * of the inbox is free again ({@link #inboxFull}, {@link #inboxHasRoom}).
 *
 * <p>Lifecycle: {@link #start} subscribes the stages and registers the prefix; {@link #stop} undoes
 * both. Datagrams still queued at stop are not handled.
 */
final class ReceivePipeline {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  private final String owner;
  private final byte[] prefix;
  private final CommunityStatistics statistics;
  private final DecodeStage decode;
  private final DispatchStage dispatch;
  private final ProtocolThread protocol;
  private final Scheduler verification;
  // How many consecutive datagrams one verification worker decodes in one window.
  private static final int DECODE_BATCH = 64;
  // What the protocol thread takes from the decode stage at a time.
  private static final int DISPATCH_PREFETCH = 256;

  private final Sinks.Many<Datagram> inbox =
      Sinks.many()
          .unicast()
          .onBackpressureBuffer(Queues.<Datagram>get(Community.INBOX_CAPACITY).get());
  // Datagrams in the inbox not yet taken by the decode stage: the endpoint's early admission
  // reads it on the receive thread to refuse a datagram before copying it.
  private final AtomicInteger queued = new AtomicInteger();
  private final Disposable.Composite running = Disposables.composite();

  ReceivePipeline(
      String owner,
      byte[] prefix,
      CommunityStatistics statistics,
      DecodeStage decode,
      DispatchStage dispatch,
      ProtocolThread protocol,
      Scheduler verification) {
    this.owner = owner;
    this.prefix = prefix.clone();
    this.statistics = statistics;
    this.decode = decode;
    this.dispatch = dispatch;
    this.protocol = protocol;
    this.verification = verification;
  }

  /** Subscribes the stages and registers the prefix with {@code router}. */
  void start(PrefixRouter router) {
    Flux<Datagram> taken = inbox.asFlux().doOnNext(d -> queued.decrementAndGet());
    if (verification == protocol.scheduler()) {
      // One thread does everything: decode where the dispatch runs, with no second hop.
      running.add(
          taken
              .publishOn(protocol.scheduler(), DISPATCH_PREFETCH)
              .subscribe(
                  d -> {
                    protocol.enter();
                    dispatch.process(decode.prepare(d));
                  },
                  e -> log.error("{}: receive pipeline failed", owner, e)));
    } else {
      // Consecutive datagrams in windows of DECODE_BATCH: each window is decoded by one
      // verification worker in arrival order, as its datagrams come (no waiting for a full
      // window), up to DECODE_CONCURRENCY windows at a time on different workers; the windows'
      // results are handed on in window order. A hop costs a queue offer, not a task per
      // datagram, and no worker runs one window for longer than DECODE_BATCH datagrams, so
      // communities (and windows) sharing a verification thread take turns.
      running.add(
          taken
              .window(DECODE_BATCH)
              .flatMapSequential(
                  window -> window.publishOn(verification, DECODE_BATCH).map(decode::prepare),
                  Community.DECODE_CONCURRENCY,
                  DECODE_BATCH)
              .publishOn(protocol.scheduler(), DISPATCH_PREFETCH)
              .subscribe(
                  p -> {
                    protocol.enter();
                    dispatch.process(p);
                  },
                  e -> log.error("{}: receive pipeline failed", owner, e)));
    }
    running.add(router.register(prefix, this::deliver));
    running.add(router.registerInboxCheck(prefix, this::inboxFull, this::inboxHasRoom));
  }

  /** Unregisters the prefix and stops the stages. */
  void stop() {
    running.dispose();
  }

  /**
   * Whether the inbox has drained far enough for the endpoint to read on after it stopped for a
   * full inbox (a cheap read, any thread): a quarter of it free, so each pause is followed by a run
   * of datagrams rather than one.
   */
  boolean inboxHasRoom() {
    return queued.get() <= Community.INBOX_CAPACITY - Community.INBOX_CAPACITY / 4;
  }

  /** Whether the inbox holds as many datagrams as it can (a cheap read, any thread). */
  boolean inboxFull() {
    return queued.get() >= Community.INBOX_CAPACITY;
  }

  /** Queues a datagram of this community for decoding (the router calls this). */
  void deliver(Datagram datagram) {
    Sinks.EmitResult result;
    // The router may call from several receive threads (a dual-stack endpoint); the sink needs
    // serialised emissions.
    synchronized (inbox) {
      result = inbox.tryEmitNext(datagram);
    }
    if (result.isSuccess()) {
      queued.incrementAndGet();
    } else {
      int id = datagram.length() > 22 ? datagram.data()[22] & 0xff : CommunityStatistics.NO_ID;
      statistics.countDrop(
          result == Sinks.EmitResult.FAIL_OVERFLOW
              ? DropReason.QUEUE_FULL
              : DropReason.ENDPOINT_CLOSED,
          id);
      log.debug("{}: datagram from {} not queued: {}", owner, datagram.source(), result);
    }
  }
}
