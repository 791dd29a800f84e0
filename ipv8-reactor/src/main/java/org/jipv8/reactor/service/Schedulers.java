package org.jipv8.reactor.service;

import reactor.core.scheduler.Scheduler;

/**
 * The node's schedulers, and which of them the node created (and so must dispose). Those it creates
 * run on daemon threads, so a node that is never stopped does not keep the JVM alive.
 *
 * <p>The default verification pool has one thread per processor; with a single processor the
 * protocol thread verifies too, because a second thread could only take turns with it on that
 * processor, and every hand-off between them costs a wake-up (ipv8 bench, receiver pinned to one
 * core: signed and introduction floods and a paced stream all handle more per CPU second so).
 */
record Schedulers(Scheduler protocol, boolean ownsProtocol, Scheduler verify, boolean ownsVerify) {

  static Schedulers create(Scheduler protocol, Scheduler verify) {
    return create(protocol, verify, Runtime.getRuntime().availableProcessors());
  }

  /** As {@link #create(Scheduler, Scheduler)} on a machine with {@code processors} processors. */
  static Schedulers create(Scheduler protocol, Scheduler verify, int processors) {
    boolean ownP = protocol == null;
    Scheduler p = ownP ? reactor.core.scheduler.Schedulers.newSingle("ipv8", true) : protocol;
    if (verify != null) {
      return new Schedulers(p, ownP, verify, false);
    }
    if (processors <= 1) {
      return new Schedulers(p, ownP, p, false);
    }
    Scheduler v = reactor.core.scheduler.Schedulers.newParallel("ipv8-verify", processors, true);
    return new Schedulers(p, ownP, v, true);
  }

  void dispose() {
    if (ownsProtocol) {
      protocol.dispose();
    }
    if (ownsVerify) {
      verify.dispose();
    }
  }
}
