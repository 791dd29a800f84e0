/**
 * Benchmarks that must sit in the engine's community package to reach its package-private receive
 * stages ({@link org.jipv8.reactor.community.StagesBenchmark}); not part of the engine.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.reactor.community;

import org.jspecify.annotations.NullMarked;
