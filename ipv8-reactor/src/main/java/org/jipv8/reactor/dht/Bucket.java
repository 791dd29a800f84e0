package org.jipv8.reactor.dht;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The nodes whose ids start with one bit prefix, at most {@code maxSize} of them. Confined to the
 * protocol thread.
 */
final class Bucket {
  private final String prefix;
  private final int maxSize;
  private final Map<ByteKey, TrackedNode> nodes = new LinkedHashMap<>();
  private long lastChanged;

  Bucket(String prefix, int maxSize) {
    this.prefix = prefix;
    this.maxSize = maxSize;
  }

  /** The bit prefix ('0'/'1' characters, empty for the root). */
  String prefix() {
    return prefix;
  }

  long lastChanged() {
    return lastChanged;
  }

  void touch(long now) {
    lastChanged = now;
  }

  boolean owns(byte[] id) {
    for (int i = 0; i < prefix.length(); i++) {
      int bit = (id[i >>> 3] >>> (7 - (i & 7))) & 1;
      if (bit != prefix.charAt(i) - '0') {
        return false;
      }
    }
    return true;
  }

  TrackedNode get(byte[] id) {
    return nodes.get(new ByteKey(id));
  }

  List<TrackedNode> nodes() {
    return List.copyOf(nodes.values());
  }

  int size() {
    return nodes.size();
  }

  boolean isFull() {
    return nodes.size() >= maxSize;
  }

  /**
   * Adds or updates a node: an existing id gets the new address; a full bucket first evicts one bad
   * node, or one whose round-trip time is at least twice the newcomer's. False when the node is not
   * this bucket's or there is no room.
   */
  boolean add(TrackedNode node, long now) {
    if (!owns(node.id())) {
      return false;
    }
    ByteKey key = new ByteKey(node.id());
    TrackedNode current = nodes.get(key);
    if (current != null) {
      current.updateAddress(node.address());
      lastChanged = now;
      return true;
    }
    if (nodes.size() >= maxSize) {
      nodes.values().stream()
          .filter(n -> n.status(now) == NodeStatus.BAD)
          .findFirst()
          .ifPresent(n -> nodes.remove(new ByteKey(n.id())));
    }
    if (nodes.size() >= maxSize && node.rtt() > 0) {
      nodes.values().stream()
          .filter(n -> n.rtt() / (double) node.rtt() >= 2.0)
          .findFirst()
          .ifPresent(n -> nodes.remove(new ByteKey(n.id())));
    }
    if (nodes.size() < maxSize) {
      nodes.put(key, node);
      lastChanged = now;
      return true;
    }
    return false;
  }

  TrackedNode remove(byte[] id) {
    return nodes.remove(new ByteKey(id));
  }

  /** The two halves of this bucket, its nodes distributed by their next bit. */
  Bucket[] split(long now) {
    Bucket zero = new Bucket(prefix + '0', maxSize);
    Bucket one = new Bucket(prefix + '1', maxSize);
    for (TrackedNode n : nodes.values()) {
      (zero.owns(n.id()) ? zero : one).add(n, now);
    }
    zero.lastChanged = lastChanged;
    one.lastChanged = lastChanged;
    return new Bucket[] {zero, one};
  }

  /** A random id inside this bucket's range (for a refresh lookup). */
  byte[] randomId(RandomGenerator random) {
    byte[] id = new byte[NodeIds.LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = (byte) random.nextInt(256);
    }
    for (int i = 0; i < prefix.length(); i++) {
      int mask = 1 << (7 - (i & 7));
      if (prefix.charAt(i) == '1') {
        id[i >>> 3] |= (byte) mask;
      } else {
        id[i >>> 3] &= (byte) ~mask;
      }
    }
    return id;
  }

  /** Nodes that are not bad. */
  List<TrackedNode> usable(long now) {
    List<TrackedNode> out = new ArrayList<>(nodes.size());
    for (TrackedNode n : nodes.values()) {
      if (n.status(now) != NodeStatus.BAD) {
        out.add(n);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Bucket['" + prefix + "', " + nodes.size() + " nodes]";
  }
}
