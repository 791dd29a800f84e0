package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Kademlia routing table: buckets keyed by bit prefix that together cover the id space. A full
 * bucket is split in two only when it holds our own id; otherwise a newcomer is refused (unless a
 * bad or much slower node makes room). Confined to the protocol thread.
 */
final class RoutingTable {
  private final byte[] myNodeId;
  private final int bucketSize;
  private final TreeMap<String, Bucket> buckets = new TreeMap<>();

  RoutingTable(byte[] myNodeId, int bucketSize) {
    this.myNodeId = myNodeId.clone();
    this.bucketSize = bucketSize;
    buckets.put("", new Bucket("", bucketSize));
  }

  RoutingTable(byte[] myNodeId) {
    this(myNodeId, DhtConstants.MAX_BUCKET_SIZE);
  }

  byte[] myNodeId() {
    return myNodeId.clone();
  }

  /** The bucket covering {@code id}. */
  Bucket bucketOf(byte[] id) {
    String bits = NodeIds.bits(id);
    for (int len = 0; len <= bits.length(); len++) {
      Bucket b = buckets.get(bits.substring(0, len));
      if (b != null) {
        return b;
      }
    }
    throw new IllegalStateException("the buckets do not cover " + new ByteKey(id));
  }

  /** The buckets in prefix order (a snapshot). */
  List<Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  /**
   * Adds (or updates the address of) a node, splitting our own bucket as needed.
   *
   * @return the node as stored in the table (an existing entry for a known id), or null when no
   *     bucket had room
   */
  TrackedNode add(TrackedNode node, long now) {
    if (Arrays.equals(node.id(), myNodeId)) {
      return null;
    }
    while (true) {
      Bucket bucket = bucketOf(node.id());
      if (bucket.add(node, now)) {
        return bucket.get(node.id());
      }
      if (!bucket.owns(myNodeId) || !bucket.isFull() || bucket.prefix().length() >= 159) {
        return null;
      }
      Bucket[] halves = bucket.split(now);
      buckets.remove(bucket.prefix());
      buckets.put(halves[0].prefix(), halves[0]);
      buckets.put(halves[1].prefix(), halves[1]);
    }
  }

  TrackedNode add(Node node, long now) {
    TrackedNode known = get(node.idRef());
    if (known != null) {
      bucketOf(node.idRef()).add(new TrackedNode(node), now);
      return known;
    }
    return add(new TrackedNode(node), now);
  }

  boolean has(byte[] id) {
    return get(id) != null;
  }

  TrackedNode get(byte[] id) {
    return bucketOf(id).get(id);
  }

  TrackedNode remove(byte[] id) {
    return bucketOf(id).remove(id);
  }

  /** Removes every bad node and returns them. */
  List<TrackedNode> removeBadNodes(long now) {
    List<TrackedNode> removed = new ArrayList<>();
    for (Bucket b : buckets.values()) {
      for (TrackedNode n : b.nodes()) {
        if (n.status(now) == NodeStatus.BAD) {
          b.remove(n.id());
          removed.add(n);
        }
      }
    }
    return removed;
  }

  /** Every node, bucket by bucket (a snapshot). */
  List<TrackedNode> nodes() {
    List<TrackedNode> out = new ArrayList<>();
    for (Bucket b : buckets.values()) {
      out.addAll(b.nodes());
    }
    return out;
  }

  int size() {
    int n = 0;
    for (Bucket b : buckets.values()) {
      n += b.size();
    }
    return n;
  }

  /**
   * Up to {@code max} nodes that are not bad, closest to {@code target} first, without the node
   * whose id is {@code excludeId} (may be null).
   */
  List<TrackedNode> closestNodes(byte[] target, int max, byte[] excludeId) {
    List<TrackedNode> all = new ArrayList<>();
    for (Bucket b : buckets.values()) {
      for (TrackedNode n : b.nodes()) {
        if (excludeId == null || !Arrays.equals(n.id(), excludeId)) {
          all.add(n);
        }
      }
    }
    all.removeIf(n -> n.failed() >= 2);
    all.sort(
        Comparator.comparing(TrackedNode::id, (x, y) -> NodeIds.compareDistance(x, y, target)));
    return List.copyOf(all.subList(0, Math.min(max, all.size())));
  }
}
