package org.jipv8.examples.demo;

/**
 * One demo node at one moment.
 *
 * @param name a short name ("node-01")
 * @param address where it listens
 * @param peers peers in the custom community
 * @param firstPeerMillis time from start to its first peer, or -1
 * @param targetMillis time from start to reaching the target, or -1
 * @param sent datagrams sent
 * @param received datagrams received
 * @param drops datagrams dropped (endpoint and communities)
 */
public record NodeSnapshot(
    String name,
    String address,
    int peers,
    long firstPeerMillis,
    long targetMillis,
    long sent,
    long received,
    long drops) {

  /** Whether the node reached its target. */
  public boolean reachedTarget() {
    return targetMillis >= 0;
  }
}
