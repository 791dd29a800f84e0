package org.jipv8.examples.tutorial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.examples.LocalNode;
import org.jipv8.reactor.service.Ipv8;

/**
 * Runs the tutorial: three nodes on 127.0.0.1 find each other (nodes 2 and 3 are told node 1's
 * address) and exchange their clocks. {@code java -cp ipv8.jar
 * org.jipv8.examples.tutorial.ClockExample [seconds]}.
 */
public final class ClockExample {
  private ClockExample() {}

  // tag::main[]
  /** Starts {@code count} nodes, runs them for {@code duration}, stops them; returns the clocks. */
  public static List<Long> run(int count, Duration duration) {
    List<Ipv8> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Ipv8 node =
            Ipv8.builder()
                .configuration(
                    LocalNode.config(0)
                        .addOverlay(
                            "ClockCommunity",
                            "me",
                            List.of(LocalNode.randomWalk(10)),
                            List.of(),
                            Map.of(),
                            List.of(List.of("startTalking")))
                        .finalizeConfig())
                .overlay(ClockCommunity.class, ClockCommunity::new)
                .loopbackOnly(true)
                .build()
                .startNow(Duration.ofSeconds(10));
        nodes.add(node);
      }
      Address first = nodes.get(0).endpoint().localAddress();
      for (Ipv8 node : nodes.subList(1, nodes.size())) {
        ClockCommunity community = node.getOverlay(ClockCommunity.class);
        node.onProtocolThread(() -> community.walkTo(first)).block(Duration.ofSeconds(5));
      }
      reactor.core.publisher.Mono.delay(duration).block();
      return nodes.stream().map(n -> n.getOverlay(ClockCommunity.class).clock()).toList();
    } finally {
      nodes.forEach(n -> n.stopNow(Duration.ofSeconds(10)));
    }
  }

  // end::main[]

  public static void main(String[] args) {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
    List<Long> clocks = run(3, duration);
    System.out.println("Lamport clocks after " + duration.toSeconds() + " s: " + clocks);
  }
}
