package org.jipv8.examples.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.dht.DHTDiscoveryCommunity;
import org.jipv8.reactor.dht.DhtValue;
import org.jipv8.reactor.service.Ipv8;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The DHT side of an interop node: walks the DHT to the {@code --walk-to} addresses, reports DHT
 * peers ({@code peer_discovered} with {@code "community":"dht"}), and from the first DHT peer on
 * tries each store, find and connect every 2 s until it succeeds, printing one JSON line for each
 * ({@code dht_stored}, {@code dht_found}, {@code dht_peer_found}; {@code *_failed} at the end of
 * the run for those that never succeeded).
 */
final class DhtInterop {
  private static final HexFormat HEX = HexFormat.of();
  private static final Duration RETRY = Duration.ofSeconds(2);

  /** One store, find or connect, tried until it succeeds. */
  private final class Operation {
    final String failedEvent;
    final Map<String, Object> fields;
    final Supplier<Mono<Map<String, Object>>> attempt;
    final String successEvent;
    volatile boolean done;
    boolean running;
    volatile String lastError = "not tried: no DHT peer";

    Operation(
        String successEvent,
        String failedEvent,
        Map<String, Object> fields,
        Supplier<Mono<Map<String, Object>>> attempt) {
      this.successEvent = successEvent;
      this.failedEvent = failedEvent;
      this.fields = fields;
      this.attempt = attempt;
    }

    void tryOnce() {
      if (done || running) {
        return;
      }
      running = true;
      attempt
          .get()
          .subscribe(
              result -> {
                if (result != null && !done) {
                  done = true;
                  Map<String, Object> f = new LinkedHashMap<>(fields);
                  f.putAll(result);
                  events.emit(successEvent, f);
                }
              },
              e -> {
                lastError = String.valueOf(e.getMessage());
                running = false;
              },
              () -> running = false);
    }
  }

  private final Ipv8 node;
  private final DHTDiscoveryCommunity dht;
  private final JsonEvents events;
  private final List<Address> walkTo;
  private final List<Operation> operations = new ArrayList<>();
  private final Set<Peer> reported = new LinkedHashSet<>();
  private boolean announced;

  DhtInterop(Ipv8 node, DhtOptions options, List<Address> walkTo, JsonEvents events) {
    this.node = node;
    this.dht = node.getOverlay(DHTDiscoveryCommunity.class);
    this.events = events;
    this.walkTo = List.copyOf(walkTo);
    for (DhtOptions.Store s : options.stores()) {
      operations.add(
          new Operation(
              "dht_stored",
              "dht_store_failed",
              fields("key", HEX.formatHex(s.key())),
              () ->
                  dht.storeValue(s.key(), s.value(), true)
                      .map(nodes -> fields("nodes", nodes.size()))));
    }
    for (byte[] key : options.finds()) {
      operations.add(
          new Operation(
              "dht_found",
              "dht_find_failed",
              fields("key", HEX.formatHex(key)),
              () -> dht.findValues(key).collectList().flatMap(DhtInterop::found)));
    }
    for (byte[] mid : options.connects()) {
      operations.add(
          new Operation(
              "dht_peer_found",
              "dht_connect_failed",
              fields("mid", HEX.formatHex(mid)),
              () ->
                  dht.connectPeer(mid).map(peer -> fields("address", peer.address().toString()))));
    }
  }

  private static Mono<Map<String, Object>> found(List<DhtValue> values) {
    if (values.isEmpty()) {
      return Mono.error(new IllegalStateException("no values under the key yet"));
    }
    List<String> data = new ArrayList<>();
    List<String> signers = new ArrayList<>();
    for (DhtValue v : values) {
      data.add(HEX.formatHex(v.data()));
      signers.add(v.signed() ? HEX.formatHex(v.signer().toBin()) : null);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("values", data);
    f.put("signers", signers);
    return Mono.just(f);
  }

  private static Map<String, Object> fields(String name, Object value) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(name, value);
    return f;
  }

  /** Starts the periodic work; the returned handle stops it. */
  Disposable start() {
    Disposable.Composite tasks = Disposables.composite();
    tasks.add(
        Flux.interval(Duration.ZERO, Duration.ofSeconds(1)).subscribe(t -> onProtocol(this::walk)));
    tasks.add(
        Flux.interval(Duration.ofMillis(250), Duration.ofMillis(250))
            .subscribe(t -> onProtocol(this::reportPeers)));
    tasks.add(Flux.interval(RETRY, RETRY).subscribe(t -> onProtocol(this::tick)));
    return tasks;
  }

  private void onProtocol(Runnable task) {
    node.onProtocolThread(task).subscribe(v -> {}, e -> {});
  }

  private void walk() {
    for (Address target : walkTo) {
      if (dht.network().getVerifiedByAddress(target) == null) {
        dht.walkTo(target);
      }
    }
  }

  private void reportPeers() {
    forEachNewPeer(
        p -> {
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("public_key", HEX.formatHex(p.publicKeyBin()));
          f.put("mid", HEX.formatHex(p.mid()));
          f.put("address", p.address().toString());
          f.put("community", "dht");
          events.emit("peer_discovered", f);
        });
  }

  private void forEachNewPeer(Consumer<Peer> action) {
    for (Peer p : dht.getPeers()) {
      if (reported.add(p)) {
        action.accept(p);
      }
    }
  }

  private void tick() {
    if (dht.routingTableNodes().isEmpty()) {
      return;
    }
    if (!announced) {
      // Announce at once rather than on the first 30 s store-peer round; the task keeps it up.
      announced = true;
      dht.storePeer().subscribe(n -> {}, e -> announced = false);
    }
    operations.forEach(Operation::tryOnce);
  }

  /** Prints the failure of every operation that never succeeded (at the end of the run). */
  void reportFailures() {
    for (Operation op : operations) {
      if (!op.done) {
        Map<String, Object> f = new LinkedHashMap<>(op.fields);
        f.put("error", op.lastError);
        events.emit(op.failedEvent, f);
      }
    }
  }
}
