/**
 * The interop community and node behind {@code ipv8 interop}: talks to py-ipv8 nodes and reports
 * what happens as JSON lines.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.interop;

import org.jspecify.annotations.NullMarked;
