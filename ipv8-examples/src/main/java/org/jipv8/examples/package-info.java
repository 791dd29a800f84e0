/**
 * Examples and the command line built on jipv8.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples;

import org.jspecify.annotations.NullMarked;
