/**
 * The local demo network behind {@code ipv8 demo}: a bootstrap server and N nodes on loopback, with
 * live progress and a summary.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.demo;

import org.jspecify.annotations.NullMarked;
