package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jipv8.reactor.dht.payload.FindRequestPayload;
import org.jipv8.reactor.dht.payload.FindResponsePayload;
import org.jipv8.reactor.dht.payload.StoreRequestPayload;
import org.jipv8.reactor.dht.payload.StoreResponsePayload;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client side of a {@link DHTCommunity}: crawls, store-value and find-value/find-nodes, as lazy
 * publishers that run on the community's protocol thread.
 */
final class DhtLookups {
  private final DHTCommunity dht;

  DhtLookups(DHTCommunity dht) {
    this.dht = dht;
  }

  Mono<List<Node>> storeValue(byte[] key, byte[] value, boolean sign) {
    return Mono.defer(
        () -> {
          byte[] k = NodeIds.key(key);
          byte[] serialized =
              sign
                  ? DhtValues.signed(
                      value,
                      TimeUnit.MILLISECONDS.toSeconds(dht.now()) & 0xFFFF_FFFFL,
                      dht.myPeer().privateKey())
                  : DhtValues.unsigned(value);
          if (serialized.length > DhtValues.MAX_ENTRY_SIZE) {
            return Mono.error(
                new DhtException(
                    "value too long: "
                        + serialized.length
                        + " bytes serialized, at most "
                        + DhtValues.MAX_ENTRY_SIZE));
          }
          return crawlNodes(k)
              .flatMap(
                  nodes ->
                      storeOnNodes(
                          k,
                          List.of(serialized),
                          nodes.subList(0, Math.min(DhtConstants.TARGET_NODES, nodes.size()))))
              .flatMap(
                  stored ->
                      stored.isEmpty()
                          ? Mono.error(new DhtException("no node confirmed the store-request"))
                          : Mono.just(stored));
        });
  }

  Mono<List<Node>> storeOnNodes(byte[] key, List<byte[]> values, List<TrackedNode> nodes) {
    if (nodes.isEmpty()) {
      return Mono.error(new DhtException("no nodes found to store the value on"));
    }
    List<byte[]> batch =
        values.subList(0, Math.min(DhtConstants.MAX_VALUES_IN_STORE, values.size()));
    byte[] mine = dht.myNodeId(nodes.get(0).address());
    boolean storeHere = nodes.size() < DhtConstants.TARGET_NODES;
    for (TrackedNode n : nodes) {
      if (NodeIds.compareDistance(mine, n.id(), key) < 0) {
        storeHere = true;
      }
    }
    if (storeHere) {
      for (int i = batch.size() - 1; i >= 0; i--) {
        dht.addValue(key, batch.get(i), DhtConstants.MAX_ENTRY_AGE * 1000L);
      }
    }
    List<Mono<Node>> sends = new ArrayList<>();
    for (TrackedNode n : nodes) {
      byte[] token = dht.heldToken(n);
      if (token == null) {
        continue;
      }
      sends.add(
          dht.dhtRequest(
                  "store",
                  n,
                  id -> new StoreRequestPayload(id, token, key, batch),
                  StoreResponsePayload.class,
                  DhtConstants.STORE_TIMEOUT)
              .map(x -> n.node())
              .onErrorResume(e -> Mono.empty()));
    }
    if (sends.isEmpty()) {
      return Mono.error(
          new DhtException("none of the " + nodes.size() + " closest nodes gave us a token"));
    }
    return Flux.merge(sends).collectList();
  }

  Mono<FindResponsePayload> sendFind(
      TrackedNode node, byte[] target, boolean forceNodes, int offset) {
    return dht.dhtRequest(
            "find",
            node,
            id -> new FindRequestPayload(id, dht.myEstimatedLan(), target, offset, forceNodes),
            FindResponsePayload.class,
            DhtConstants.FIND_TIMEOUT)
        .doOnNext(r -> dht.holdToken(node, r.token()));
  }

  /** Crawls for the nodes closest to {@code target} in every routing table; closest first. */
  Mono<List<TrackedNode>> crawlNodes(byte[] target) {
    return crawls(target, true, l -> {})
        .map(
            crawls -> {
              List<TrackedNode> all = new ArrayList<>();
              crawls.forEach(c -> all.addAll(c.nodes()));
              return all;
            });
  }

  private Mono<List<Crawl>> crawls(
      byte[] target, boolean forceNodes, Consumer<List<byte[]>> onValues) {
    return Mono.defer(
        () -> {
          List<Mono<Crawl>> runs = new ArrayList<>();
          for (RoutingTable t : dht.routingTables()) {
            if (t.size() > 0) {
              runs.add(new Crawl(dht, t, target, forceNodes, 0, onValues).run());
            }
          }
          if (runs.isEmpty()) {
            return Mono.error(new DhtException("no nodes in the routing table to ask"));
          }
          return Flux.merge(runs)
              .collectList()
              .flatMap(
                  done -> {
                    int asked = done.stream().mapToInt(Crawl::asked).sum();
                    if (done.stream().allMatch(c -> c.answered() == 0)) {
                      return Mono.error(
                          new DhtException("all " + asked + " find-requests timed out"));
                    }
                    return Mono.just(done);
                  });
        });
  }

  Flux<Node> findNodes(byte[] target) {
    return crawlNodes(NodeIds.key(target)).flatMapMany(Flux::fromIterable).map(TrackedNode::node);
  }

  Flux<DhtValue> findValues(byte[] key) {
    return Flux.<DhtValue>create(
        sink -> {
          byte[] k = NodeIds.key(key);
          Set<ByteKey> seen = new HashSet<>();
          Disposable run =
              crawls(
                      k,
                      false,
                      values -> {
                        for (byte[] raw : values) {
                          Optional<DhtValue> v = DhtValues.parse(raw);
                          if (v.isEmpty()) {
                            dht.count(DhtDrop.INVALID_VALUE);
                            continue;
                          }
                          ByteKey id = new ByteKey(DhtValues.storageId(raw, v.get()));
                          if (seen.add(id)) {
                            sink.next(v.get());
                          }
                        }
                      })
                  .subscribe(
                      crawls -> {
                        cacheFound(k, crawls);
                        sink.complete();
                      },
                      sink::error);
          sink.onDispose(run);
        });
  }

  private void cacheFound(byte[] key, List<Crawl> crawls) {
    for (Crawl c : crawls) {
      TrackedNode candidate = c.cacheCandidate();
      List<byte[]> values = c.values();
      if (candidate != null && !values.isEmpty()) {
        storeOnNodes(key, values, List.of(candidate)).subscribe(n -> {}, e -> {});
      }
    }
  }
}
