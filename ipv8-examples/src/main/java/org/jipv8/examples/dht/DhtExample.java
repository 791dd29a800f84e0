package org.jipv8.examples.dht;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.dht.DHTDiscoveryCommunity;
import org.jipv8.reactor.dht.DhtValue;
import org.jipv8.reactor.dht.Node;
import org.jipv8.reactor.discovery.PingChurn;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Ipv8Builder;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.Walker;
import org.jipv8.reactor.service.Walkers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Nodes on 127.0.0.1 run py-ipv8's DHT: one stores a signed value, another finds it (with its
 * verified signer) and locates the first by its mid. {@code java -cp ipv8.jar
 * org.jipv8.examples.dht.DhtExample}.
 */
public final class DhtExample {
  private DhtExample() {}

  /** What the example saw. */
  public record Outcome(List<Node> storedAt, List<DhtValue> found, Peer located, Peer storer) {}

  // tag::main[]
  /** Starts {@code count} DHT nodes, stores, finds and connects, stops them. */
  public static Outcome run(int count) {
    try (LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10))) {
      Ipv8Builder builder =
          Ipv8.builder()
              .loopback()
              .overlay(
                  OverlayDefinition.of(DHTDiscoveryCommunity.class, DHTDiscoveryCommunity::new)
                      .walker(Walkers.randomWalk(20))
                      .walker(Walker.of(PingChurn::new, -1))
                      .bootstrapper(tracker::bootstrapper));
      List<Ipv8> nodes = Flux.range(0, count).flatMap(i -> builder.start()).collectList().block();
      DHTDiscoveryCommunity first = nodes.get(0).getOverlay(DHTDiscoveryCommunity.class);
      DHTDiscoveryCommunity last = nodes.get(count - 1).getOverlay(DHTDiscoveryCommunity.class);
      byte[] key = new byte[20]; // keys are 20 bytes, used as given
      key[0] = 42;
      byte[] value = "hello DHT".getBytes(StandardCharsets.UTF_8);
      Mono<Void> walked = Mono.delay(Duration.ofSeconds(3)).then();
      Outcome outcome =
          walked
              .then(first.storePeer()) // announce now rather than in the 30 s task
              .then(retry(first.storeValue(key, value, true)))
              .flatMap(
                  storedAt ->
                      retry(last.findValues(key).collectList().filter(l -> !l.isEmpty()))
                          .zipWith(retry(last.connectPeer(first.myPeer().mid())))
                          .map(t -> new Outcome(storedAt, t.getT1(), t.getT2(), first.myPeer())))
              .block(Duration.ofSeconds(60));
      Flux.fromIterable(nodes).flatMap(Ipv8::stop).blockLast();
      return outcome;
    }
  }

  /** Tries again every second (a fresh DHT may not know enough nodes yet). */
  private static <T> Mono<T> retry(Mono<T> operation) {
    return operation
        .switchIfEmpty(Mono.error(new IllegalStateException("nothing yet")))
        .retryWhen(Retry.fixedDelay(20, Duration.ofSeconds(1)));
  }

  // end::main[]

  public static void main(String[] args) {
    Outcome o = run(args.length > 0 ? Integer.parseInt(args[0]) : 4);
    System.out.println("stored on " + o.storedAt().size() + " nodes");
    for (DhtValue v : o.found()) {
      System.out.println(
          "found '"
              + new String(v.data(), StandardCharsets.UTF_8)
              + "' signed by "
              + (v.signed()
                  ? "the storer: " + v.signer().equals(o.storer().publicKey())
                  : "nobody"));
    }
    System.out.println("located the storer at " + o.located().address());
  }
}
