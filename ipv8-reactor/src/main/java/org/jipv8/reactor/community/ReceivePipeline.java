package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
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
 * prefix into this pipeline's bounded inbox ({@link #deliver}), in the runs the endpoint read them
 * in ({@link #endOfRun}); the {@link DecodeStage} decodes and verifies them on the verification
 * scheduler, in windows of consecutive runs, each window on one worker, up to {@link
 * Community#DECODE_CONCURRENCY} windows at a time; the {@link DispatchStage} handles them in
 * arrival order on the protocol scheduler. A run crosses each thread boundary as one item, so a
 * burst of datagrams costs one hand-off per stage rather than one per datagram. When the
 * verification scheduler is the protocol scheduler, both stages run there with no hop between them.
 *
 * <p>Backpressure: the inbox is bounded ({@link Community#INBOX_CAPACITY}); while it is nearly full
 * (less room than one run of the endpoint, {@link Endpoint#MAX_BURST}) the endpoint refuses this
 * community's datagrams before copying them and stops reading until a quarter of the inbox is free
 * again ({@link #inboxFull}, {@link #inboxHasRoom}). A datagram that reaches a full inbox anyway
 * (from an endpoint that cannot refuse early) is dropped as {@link DropReason#QUEUE_FULL}.
 *
 * <p>Lifecycle: {@link #start} subscribes the stages and registers the prefix; {@link #stop} undoes
 * both. Datagrams still queued at stop are not handled.
 */
final class ReceivePipeline {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  // How many consecutive runs one verification worker decodes in one window.
  private static final int DECODE_WINDOW = 8;
  // How many runs the protocol thread takes from the decode stage at a time.
  private static final int DISPATCH_PREFETCH = 32;

  private final String owner;
  private final byte[] prefix;
  private final CommunityStatistics statistics;
  private final DecodeStage decode;
  private final DispatchStage dispatch;
  private final ProtocolThread protocol;
  private final Scheduler verification;
  private final Endpoint endpoint;

  // Runs wait here for the decode stage; the datagram bound is kept by "queued", so the queue
  // itself (one slot per run) never overflows before it does.
  private final Sinks.Many<List<Datagram>> inbox =
      Sinks.many()
          .unicast()
          .onBackpressureBuffer(Queues.<List<Datagram>>get(Community.INBOX_CAPACITY).get());
  // Datagrams delivered and not yet taken by the decode stage (the open run included): the
  // endpoint's early admission reads it on the receive thread to refuse a datagram before copying
  // it.
  private final AtomicInteger queued = new AtomicInteger();
  // The run being delivered; guarded by itself (a dual-stack endpoint delivers from two threads).
  private final Object runLock = new Object();
  private List<Datagram> run;
  private final Disposable.Composite running = Disposables.composite();

  ReceivePipeline(
      String owner,
      byte[] prefix,
      CommunityStatistics statistics,
      DecodeStage decode,
      DispatchStage dispatch,
      ProtocolThread protocol,
      Scheduler verification,
      Endpoint endpoint) {
    this.owner = owner;
    this.prefix = prefix.clone();
    this.statistics = statistics;
    this.decode = decode;
    this.dispatch = dispatch;
    this.protocol = protocol;
    this.verification = verification;
    this.endpoint = endpoint;
  }

  /** Subscribes the stages and registers the prefix with {@code router}. */
  void start(PrefixRouter router) {
    Flux<List<Datagram>> taken = inbox.asFlux().doOnNext(r -> queued.addAndGet(-r.size()));
    if (verification == protocol.scheduler()) {
      // One thread does everything: decode where the dispatch runs, with no second hop.
      running.add(
          taken
              .publishOn(protocol.scheduler(), DISPATCH_PREFETCH)
              .subscribe(
                  r -> dispatchRun(prepareRun(r)),
                  e -> log.error("{}: receive pipeline failed", owner, e)));
    } else {
      // Consecutive runs in windows of DECODE_WINDOW: each window is decoded by one verification
      // worker in arrival order, as its runs come (no waiting for a full window), up to
      // DECODE_CONCURRENCY windows at a time on different workers; the windows' results are handed
      // on in window order. A hop costs a queue offer per run, not a task per datagram, and no
      // worker runs one window for longer than DECODE_WINDOW runs, so communities (and windows)
      // sharing a verification thread take turns.
      running.add(
          taken
              .window(DECODE_WINDOW)
              .flatMapSequential(
                  window -> window.publishOn(verification, DECODE_WINDOW).map(this::prepareRun),
                  Community.DECODE_CONCURRENCY,
                  DECODE_WINDOW)
              .publishOn(protocol.scheduler(), DISPATCH_PREFETCH)
              .subscribe(
                  this::dispatchRun, e -> log.error("{}: receive pipeline failed", owner, e)));
    }
    running.add(router.register(prefix, this::deliver, this::endOfRun));
    running.add(router.registerInboxCheck(prefix, this::inboxFull, this::inboxHasRoom));
  }

  /** Handles a decoded run on the protocol thread; the answers to it leave together. */
  private void dispatchRun(DecodeStage.Prepared[] prepared) {
    protocol.enter();
    endpoint.sendTogether(
        () -> {
          for (DecodeStage.Prepared p : prepared) {
            dispatch.process(p);
          }
        });
  }

  private DecodeStage.Prepared[] prepareRun(List<Datagram> r) {
    DecodeStage.Prepared[] out = new DecodeStage.Prepared[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = decode.prepare(r.get(i));
    }
    return out;
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

  /**
   * Whether the inbox has less room than one run of the endpoint (a cheap read, any thread): the
   * endpoint then refuses this community's datagrams before copying them, and a run it already
   * admitted still fits.
   */
  boolean inboxFull() {
    return queued.get() > Community.INBOX_CAPACITY - Endpoint.MAX_BURST;
  }

  /** Adds a datagram of this community to the open run (the router calls this). */
  void deliver(Datagram datagram) {
    boolean added = false;
    synchronized (runLock) {
      if (queued.get() < Community.INBOX_CAPACITY) {
        if (run == null) {
          run = new ArrayList<>(Endpoint.MAX_BURST);
        }
        run.add(datagram);
        queued.incrementAndGet();
        added = true;
      }
    }
    if (!added) {
      drop(datagram, DropReason.QUEUE_FULL);
    }
  }

  /** Hands the open run to the decode stage (the router calls this after each endpoint run). */
  void endOfRun() {
    List<Datagram> ended;
    Sinks.EmitResult result;
    synchronized (runLock) {
      ended = run;
      if (ended == null) {
        return;
      }
      run = null;
      result = inbox.tryEmitNext(ended);
    }
    if (!result.isSuccess()) {
      queued.addAndGet(-ended.size());
      DropReason reason =
          result == Sinks.EmitResult.FAIL_OVERFLOW
              ? DropReason.QUEUE_FULL
              : DropReason.ENDPOINT_CLOSED;
      for (Datagram d : ended) {
        drop(d, reason);
      }
    }
  }

  private void drop(Datagram datagram, DropReason reason) {
    int id = datagram.length() > 22 ? datagram.data()[22] & 0xff : CommunityStatistics.NO_ID;
    statistics.countDrop(reason, id);
    log.debug("{}: datagram from {} not queued: {}", owner, datagram.source(), reason);
  }
}
