/**
 * The {@code ipv8} command line (picocli): {@code demo}, {@code tracker}, {@code node}, {@code
 * config} and {@code interop}.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.cli;

import org.jspecify.annotations.NullMarked;
