package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jipv8.reactor.dht.payload.FindResponsePayload;
import org.jipv8.reactor.dht.payload.WireNode;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * One iterative lookup of a target (py-ipv8's {@code Crawl}): starts from the 8 closest nodes of a
 * routing table, keeps at most 4 find-requests outstanding and sends at most 24, and only follows
 * nodes closer than its best four. A node that was introduced by another is first punctured through
 * its introducer (a find-request for the node's id sent to the introducer). Responses that time
 * out, name ourselves, carry unusable nodes or values that do not verify are ignored and counted.
 * Confined to the protocol thread.
 */
final class Crawl {
  private static final class Todo {
    final TrackedNode contact;
    TrackedNode puncture;

    Todo(TrackedNode contact, TrackedNode puncture) {
      this.contact = contact;
      this.puncture = puncture;
    }
  }

  private record Response(TrackedNode sender, List<byte[]> values) {}

  private final DHTCommunity dht;
  private final RoutingTable table;
  private final byte[] target;
  private final boolean forceNodes;
  private final int offset;
  private final Consumer<List<byte[]>> onValues;
  private final List<Todo> todo = new ArrayList<>();
  private final Set<Node> tried = new HashSet<>();
  private final List<TrackedNode> triedInOrder = new ArrayList<>();
  private final List<Response> responses = new ArrayList<>();
  private int active;
  private int answered;
  private MonoSink<Crawl> sink;

  /**
   * A crawl over {@code table}.
   *
   * @throws DhtException when the routing table has no usable node
   */
  Crawl(
      DHTCommunity dht,
      RoutingTable table,
      byte[] target,
      boolean forceNodes,
      int offset,
      Consumer<List<byte[]>> onValues) {
    this.dht = dht;
    this.table = table;
    this.target = target.clone();
    this.forceNodes = forceNodes;
    this.offset = offset;
    this.onValues = onValues;
    for (TrackedNode n : table.closestNodes(target, DhtConstants.MAX_CRAWL_NODES, null)) {
      todo.add(new Todo(n, null));
    }
    if (todo.isEmpty()) {
      throw new DhtException("no nodes in the routing table to ask");
    }
  }

  /** Runs the crawl (once); completes with this crawl when no request is left to send. */
  Mono<Crawl> run() {
    return Mono.create(
        s -> {
          sink = s;
          pump();
        });
  }

  private boolean done() {
    return tried.size() >= DhtConstants.MAX_CRAWL_REQUESTS || todo.isEmpty();
  }

  private void pump() {
    while (!done() && active < DhtConstants.MAX_CRAWL_TASKS) {
      Todo t = todo.remove(0);
      tried.add(t.contact.node());
      triedInOrder.add(t.contact);
      active++;
      contact(t).subscribe(r -> {}, e -> finishedOne(), this::finishedOne);
    }
    if (active == 0 && sink != null) {
      MonoSink<Crawl> s = sink;
      sink = null;
      s.success(this);
    }
  }

  private void finishedOne() {
    active--;
    pump();
  }

  private Mono<Void> contact(Todo t) {
    Mono<Void> puncture =
        t.puncture == null
            ? Mono.empty()
            : dht.sendFind(t.puncture, t.contact.node().idRef(), forceNodes, 0)
                .onErrorResume(e -> Mono.empty())
                .then();
    return puncture
        .then(dht.sendFind(t.contact, target, forceNodes, offset).onErrorResume(e -> Mono.empty()))
        .doOnNext(response -> onResponse(t.contact, response))
        .then();
  }

  private void onResponse(TrackedNode sender, FindResponsePayload response) {
    answered++;
    table.add(sender, dht.now());
    if (!forceNodes && !response.values().isEmpty()) {
      responses.add(new Response(sender, response.values()));
      onValues.accept(response.values());
      return;
    }
    responses.add(new Response(sender, null));
    List<WireNode> nodes = response.nodes();
    if (nodes.size() > DhtConstants.MAX_NODES_IN_FIND) {
      for (int i = DhtConstants.MAX_NODES_IN_FIND; i < nodes.size(); i++) {
        dht.count(DhtDrop.TOO_MANY_NODES);
      }
      nodes = nodes.subList(0, DhtConstants.MAX_NODES_IN_FIND);
    }
    for (int index = 0; index < nodes.size(); index++) {
      TrackedNode node = dht.toTrackedNode(nodes.get(index), table);
      if (node == null || tried.contains(node.node())) {
        continue;
      }
      if (todo.size() >= 4
          && NodeIds.compareDistance(node.id(), todo.get(3).contact.id(), target) > 0) {
        dht.count(DhtDrop.NOT_CLOSER);
        continue;
      }
      TrackedNode introducer = index == 0 ? null : sender;
      Todo existing = null;
      for (Todo t : todo) {
        if (t.contact.node().equals(node.node())) {
          existing = t;
          break;
        }
      }
      if (existing != null) {
        existing.puncture = introducer;
        continue;
      }
      todo.add(new Todo(node, introducer));
      todo.sort(Comparator.comparing(t -> t.contact.id(), this::closer));
    }
  }

  private int closer(byte[] a, byte[] b) {
    return NodeIds.compareDistance(a, b, target);
  }

  /** How many find-requests (punctures not counted) were answered. */
  int answered() {
    return answered;
  }

  /** How many nodes were asked. */
  int asked() {
    return tried.size();
  }

  /** The nodes asked, closest to the target first. */
  List<TrackedNode> nodes() {
    List<TrackedNode> out = new ArrayList<>(triedInOrder);
    out.sort(Comparator.comparing(TrackedNode::id, this::closer));
    return out;
  }

  /** The closest responder that had no values (where a found value is cached), or null. */
  TrackedNode cacheCandidate() {
    TrackedNode best = null;
    for (Response r : responses) {
      if (r.values() == null && (best == null || closer(r.sender().id(), best.id()) < 0)) {
        best = r.sender();
      }
    }
    return best;
  }

  /** Every value received: the first of each response, then the second, ...; no duplicates. */
  List<byte[]> values() {
    List<List<byte[]>> lists = new ArrayList<>();
    for (Response r : responses) {
      if (r.values() != null) {
        lists.add(r.values());
      }
    }
    Map<ByteKey, byte[]> seen = new LinkedHashMap<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<byte[]> l : lists) {
        if (i < l.size()) {
          any = true;
          seen.putIfAbsent(new ByteKey(l.get(i)), l.get(i));
        }
      }
      if (!any) {
        break;
      }
    }
    return List.copyOf(seen.values());
  }

  byte[] target() {
    return Arrays.copyOf(target, target.length);
  }
}
