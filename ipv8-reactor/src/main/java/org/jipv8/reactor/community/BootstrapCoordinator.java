package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.peer.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bootstrappers of one community and what they are asked to do: find first addresses when the
 * community has no peers, now and then keep their servers alive instead of a walk, and unload last
 * to first.
 *
 * <p>Threading: {@link #bootstrap} and {@link #newIntroduction} run on the protocol thread; the
 * bootstrapper list is a concurrent copy-on-write list, so {@link #add} and {@link #snapshot} are
 * safe anywhere.
 */
final class BootstrapCoordinator {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  private final Community c;
  private final RandomGenerator random;
  private final List<Bootstrapper> bootstrappers;
  private final Set<Disposable> tasks = ConcurrentHashMap.newKeySet();

  BootstrapCoordinator(Community c, List<Bootstrapper> initial) {
    this.c = c;
    this.random = c.random();
    this.bootstrappers = new CopyOnWriteArrayList<>(initial);
  }

  void add(Bootstrapper bootstrapper) {
    bootstrappers.add(Objects.requireNonNull(bootstrapper, "bootstrapper"));
  }

  List<Bootstrapper> snapshot() {
    return List.copyOf(bootstrappers);
  }

  /** See {@code Community.getNewIntroduction}. */
  void newIntroduction(Peer fromPeer) {
    if (fromPeer != null) {
      c.sendIntroductionRequest(fromPeer);
      return;
    }
    List<Peer> peers = c.getPeers();
    if (peers.isEmpty()) {
      bootstrap();
      return;
    }
    List<Bootstrapper> current = snapshot();
    boolean anyInitialized = current.stream().anyMatch(Bootstrapper::isInitialized);
    if (anyInitialized && random.nextDouble() < Community.KEEP_ALIVE_CHANCE) {
      for (Bootstrapper b : current) {
        b.keepAlive(c);
      }
      return;
    }
    c.sendIntroductionRequest(peers.get(random.nextInt(peers.size())));
  }

  /** See {@code Community.bootstrap}. */
  void bootstrap() {
    int maxPeers = c.maxPeers();
    for (Bootstrapper b : snapshot()) {
      Mono<Boolean> init =
          Mono.defer(() -> b.initialize(c))
              .onErrorResume(
                  e -> {
                    log.warn("{}: bootstrapper {} failed to initialise", c.name(), b, e);
                    return Mono.just(false);
                  })
              .cache();
      track(init.subscribe());
      Disposable task =
          Mono.defer(() -> b.getAddresses(c, Community.BOOTSTRAP_TIMEOUT))
              .publishOn(c.protocolScheduler())
              .doOnNext(
                  addresses -> {
                    List<Address> chosen =
                        maxPeers > 0 && addresses.size() > maxPeers
                            ? addresses.subList(0, maxPeers)
                            : addresses;
                    chosen.forEach(c::walkTo);
                  })
              .then(init)
              .subscribe(ok -> {}, e -> log.warn("{}: bootstrap with {} failed", c.name(), b, e));
      track(task);
    }
  }

  private void track(Disposable d) {
    if (!d.isDisposed()) {
      tasks.add(d);
    }
    tasks.removeIf(Disposable::isDisposed);
  }

  /** Cancels the pending bootstrap tasks. */
  void cancelTasks() {
    tasks.forEach(Disposable::dispose);
    tasks.clear();
  }

  /** Unloads and forgets the bootstrappers, last to first; a failure is logged and skipped. */
  Mono<Void> unload() {
    return Flux.defer(
            () -> {
              List<Bootstrapper> reversed = new ArrayList<>(bootstrappers);
              bootstrappers.removeAll(reversed);
              Collections.reverse(reversed);
              return Flux.fromIterable(reversed);
            })
        .concatMap(
            b ->
                Mono.defer(b::unload)
                    .onErrorResume(
                        e -> {
                          log.warn("{}: bootstrapper {} failed to unload", c.name(), b, e);
                          return Mono.empty();
                        }))
        .then();
  }
}
