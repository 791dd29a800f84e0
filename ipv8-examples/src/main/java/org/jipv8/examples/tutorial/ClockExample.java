package org.jipv8.examples.tutorial;

import java.time.Duration;
import java.util.List;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Ipv8Builder;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.Walkers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the tutorial: three nodes on 127.0.0.1 find each other through a local tracker and exchange
 * their clocks. {@code java -cp ipv8.jar org.jipv8.examples.tutorial.ClockExample [seconds]}.
 */
public final class ClockExample {
  private ClockExample() {}

  // tag::main[]
  /** Starts {@code count} nodes, lets them talk for {@code duration}, stops them: their clocks. */
  public static List<Long> run(int count, Duration duration) {
    try (LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10))) {
      Ipv8Builder builder =
          Ipv8.builder()
              .loopback()
              .overlay(
                  OverlayDefinition.of(ClockCommunity.class, ClockCommunity::new)
                      .walker(Walkers.randomWalk(10))
                      .bootstrapper(tracker::bootstrapper)
                      .onStart(ClockCommunity::startTalking));
      List<Ipv8> nodes = Flux.range(0, count).flatMap(i -> builder.start()).collectList().block();
      Mono.delay(duration).block();
      List<Long> clocks =
          nodes.stream().map(n -> n.getOverlay(ClockCommunity.class).clock()).toList();
      Flux.fromIterable(nodes).flatMap(Ipv8::stop).blockLast();
      return clocks;
    }
  }

  // end::main[]

  public static void main(String[] args) {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
    List<Long> clocks = run(3, duration);
    System.out.println("Lamport clocks after " + duration.toSeconds() + " s: " + clocks);
  }
}
