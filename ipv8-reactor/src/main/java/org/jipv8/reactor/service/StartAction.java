package org.jipv8.reactor.service;

import reactor.core.publisher.Mono;

/** Something to run on the protocol thread when the node starts (an {@code on_start} entry). */
@FunctionalInterface
interface StartAction {

  /** The action, lazily; subscribed on the protocol thread. */
  Mono<Void> invoke();
}
