package org.jipv8.reactor.community;

import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The path of a datagram into one community, as named stages: the {@link PrefixRouter} routes it by
 * prefix into this pipeline's bounded inbox ({@link #deliver}); the {@link DecodeStage} decodes and
 * verifies it on the verification scheduler, up to {@link Community#DECODE_CONCURRENCY} at a time;
 * the {@link DispatchStage} handles it on the protocol scheduler, in arrival order.
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
    running.add(
        inbox
            .asFlux()
            .doOnNext(d -> queued.decrementAndGet())
            .flatMapSequential(
                d -> Mono.fromCallable(() -> decode.prepare(d)).subscribeOn(verification),
                Community.DECODE_CONCURRENCY,
                Community.DECODE_CONCURRENCY)
            .publishOn(protocol.scheduler())
            .subscribe(
                p -> {
                  protocol.enter();
                  dispatch.process(p);
                },
                e -> log.error("{}: receive pipeline failed", owner, e)));
    running.add(router.register(prefix, this::deliver));
    running.add(router.registerInboxCheck(prefix, this::inboxFull));
  }

  /** Unregisters the prefix and stops the stages. */
  void stop() {
    running.dispose();
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
