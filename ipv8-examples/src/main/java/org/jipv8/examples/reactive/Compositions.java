package org.jipv8.examples.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.PeerEvent;
import org.jipv8.examples.reactive.KeyValueCommunity.Put;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The community's streams composed with ordinary Reactor operators. */
public final class Compositions {
  private Compositions() {}

  // tag::window[]
  /** Every 10 s: how many Puts each peer sent in that window. */
  public static Flux<Map<Peer, Long>> putsPerPeer(KeyValueCommunity kv, Scheduler clock) {
    return kv.messages(Put.class)
        .window(Duration.ofSeconds(10), clock)
        .concatMap(
            window ->
                window
                    .groupBy(put -> put.peer())
                    .flatMap(perPeer -> perPeer.count().map(n -> Map.entry(perPeer.key(), n)))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  // end::window[]

  // tag::greet[]
  /** Greets each new peer with a request; a peer that does not answer within 2 s is skipped. */
  public static Flux<String> greetNewPeers(KeyValueCommunity kv) {
    return kv.peers()
        .filter(event -> event.kind() == PeerEvent.Kind.ADDED)
        .flatMap(
            event ->
                kv.get(event.peer(), "greeting", Duration.ofSeconds(2))
                    .onErrorResume(TimeoutException.class, e -> Mono.just(Optional.empty()))
                    .map(answer -> event.peer().address() + " says " + answer.orElse("nothing")));
  }
  // end::greet[]
}
