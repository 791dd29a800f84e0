package org.jipv8.reactor.community;

import java.time.Duration;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The collaborators of one {@link Community}, wired together: what the engine runs a community
 * with, kept out of the class users extend. Building it starts no work.
 */
final class CommunityEngine {
  private static final Logger log = LoggerFactory.getLogger(Community.class);
  private final String name;
  final ProtocolThread thread;
  final PeriodicTasks tasks;
  final CommunityStatistics statistics = new CommunityStatistics();
  final HandlerTable handlers;
  final Invokers invokers;
  final OwnAddresses own;
  final Outbox outbox;
  final PendingRequests requests;
  final Subscribers subscribers;
  final DispatchStage dispatch;
  final ReceivePipeline pipeline;
  final IntroductionProtocol introductions;
  final BootstrapCoordinator bootstrapping;

  CommunityEngine(Community c, CommunityId id, CommunitySettings settings, String name) {
    this.name = name;
    Endpoint endpoint = settings.endpoint();
    byte[] prefix = id.prefix();
    this.thread = new ProtocolThread(settings.protocolScheduler());
    this.tasks = new PeriodicTasks(name, thread);
    this.own =
        new OwnAddresses(
            endpoint,
            settings.myPeer(),
            settings.lanAddresses(),
            settings.verificationScheduler(),
            () -> name);
    this.handlers = new HandlerTable(name);
    this.invokers = new Invokers(settings.network(), c::now);
    this.outbox =
        new Outbox(prefix, settings.myPeer(), endpoint, statistics, thread, c::interfaceFamilies);
    this.requests = new PendingRequests(thread, settings.random(), c::send);
    this.subscribers = new Subscribers(id, settings.network(), statistics, thread, requests, name);
    this.dispatch =
        new DispatchStage(name, statistics, settings.network(), c::now, c::isUnloaded, subscribers);
    this.pipeline =
        new ReceivePipeline(
            name,
            prefix,
            statistics,
            new DecodeStage(prefix, handlers, invokers, subscribers),
            dispatch,
            thread,
            settings.verificationScheduler(),
            endpoint);
    this.introductions = new IntroductionProtocol(c, own, handlers, invokers, thread);
    this.bootstrapping = new BootstrapCoordinator(c, settings.bootstrappers());
  }

  /** Registers the prefix, starts the receive pipeline, the peer stream and the LAN discovery. */
  Mono<Void> start(PrefixRouter router, Duration lanInterval) {
    pipeline.start(router);
    subscribers.open();
    // start() may be called from a Netty thread; the task table lives on the protocol thread.
    return thread
        .call(
            () -> {
              tasks.register("discover_lan_addresses", lanInterval, lanInterval, own::refreshLan);
              return Boolean.TRUE;
            })
        .then(own.refreshNow());
  }

  /** {@code onUnload} and {@link #stop} on the protocol thread, the bootstrappers in between. */
  Mono<Void> unload(Mono<Void> onUnload) {
    // The hook runs on the protocol thread, where a RequestCache it shuts down lives.
    return thread
        .call(() -> Boolean.TRUE)
        .then(onUnload)
        .onErrorResume(
            e -> {
              log.warn("{}: unload hook failed", name, e);
              return Mono.empty();
            })
        .then(bootstrapping.unload())
        .then(thread.call(this::stop))
        .then();
  }

  /** Stops everything (protocol thread): pipeline, tasks, requests, streams. */
  Boolean stop() {
    pipeline.stop();
    bootstrapping.cancelTasks();
    tasks.shutdown();
    requests.shutdown();
    subscribers.close();
    return Boolean.TRUE;
  }
}
