package org.jipv8.reactor.service;

import reactor.core.scheduler.Scheduler;

/**
 * The node's schedulers, and which of them the node created (and so must dispose). Those it creates
 * run on daemon threads, so a node that is never stopped does not keep the JVM alive.
 */
record Schedulers(Scheduler protocol, boolean ownsProtocol, Scheduler verify, boolean ownsVerify) {

  static Schedulers create(Scheduler protocol, Scheduler verify) {
    boolean ownP = protocol == null;
    boolean ownV = verify == null;
    Scheduler p = ownP ? reactor.core.scheduler.Schedulers.newSingle("ipv8", true) : protocol;
    Scheduler v =
        ownV
            ? reactor.core.scheduler.Schedulers.newParallel(
                "ipv8-verify", Math.max(1, Runtime.getRuntime().availableProcessors()), true)
            : verify;
    return new Schedulers(p, ownP, v, ownV);
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
