package org.jipv8.examples.demo;

import java.time.Duration;

/**
 * What the demo runs.
 *
 * @param nodes number of nodes (at least 2)
 * @param limit time every node has to reach its target
 * @param seed seed of the nodes' random choices
 * @param target peers each node must find ({@code min(20, nodes - 1)} unless overridden)
 */
public record DemoOptions(int nodes, Duration limit, long seed, int target) {
  public DemoOptions {
    if (nodes < 2) {
      throw new IllegalArgumentException("the demo needs at least 2 nodes, got " + nodes);
    }
    if (target < 1 || target > nodes - 1) {
      throw new IllegalArgumentException(
          "the target must be 1.." + (nodes - 1) + " for " + nodes + " nodes, got " + target);
    }
  }

  /** The default target: {@code min(20, nodes - 1)}. */
  public static int defaultTarget(int nodes) {
    return Math.min(20, nodes - 1);
  }
}
