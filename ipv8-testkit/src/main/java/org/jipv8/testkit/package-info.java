/**
 * Test your community: {@link org.jipv8.testkit.TestNetwork} runs N whole nodes of it in one JVM on
 * the simulated network and one virtual clock, with knobs for loss, latency and NATs, helpers to
 * introduce every node to every other and to deliver everything in flight, and a capture of every
 * datagram the nodes send.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.testkit;

import org.jspecify.annotations.NullMarked;
