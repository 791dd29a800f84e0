/**
 * {@code ipv8 bench}: throughput of a receiving node on loopback, fed by sender processes, per mode
 * (unsigned, signed, introduction requests).
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.bench;

import org.jspecify.annotations.NullMarked;
