/**
 * The tutorial's community, strategy and launcher, included in the README and run by the build.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.tutorial;

import org.jspecify.annotations.NullMarked;
