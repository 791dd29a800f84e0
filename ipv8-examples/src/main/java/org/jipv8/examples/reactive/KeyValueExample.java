package org.jipv8.examples.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Ipv8Builder;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.Walkers;
import reactor.core.publisher.Flux;

/**
 * Runs the reactive example on 127.0.0.1: two nodes find each other through a local tracker, the
 * first stores a greeting, the second asks the first for it. {@code java -cp ipv8.jar
 * org.jipv8.examples.reactive.KeyValueExample}.
 */
public final class KeyValueExample {
  private KeyValueExample() {}

  // tag::main[]
  /** Two nodes: the first stores a greeting, the second asks the first for it. */
  public static Optional<String> run() {
    try (LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10))) {
      Ipv8Builder builder =
          Ipv8.builder()
              .loopback()
              .overlay(
                  OverlayDefinition.of(KeyValueCommunity.class, KeyValueCommunity::new)
                      .walker(Walkers.randomWalk(1))
                      .bootstrapper(tracker::bootstrapper));
      List<Ipv8> nodes = Flux.range(0, 2).flatMap(i -> builder.start()).collectList().block();
      KeyValueCommunity first = nodes.get(0).getOverlay(KeyValueCommunity.class);
      KeyValueCommunity second = nodes.get(1).getOverlay(KeyValueCommunity.class);
      Optional<String> answer =
          first
              .put("greeting", "hello")
              .then(second.peers().next())
              .flatMap(found -> second.get(found.peer(), "greeting", Duration.ofSeconds(5)))
              .block(Duration.ofSeconds(30));
      Flux.fromIterable(nodes).flatMap(Ipv8::stop).blockLast();
      return answer;
    }
  }

  // end::main[]

  public static void main(String[] args) {
    System.out.println("the first node says: " + run().orElse("nothing"));
  }
}
