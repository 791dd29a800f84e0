/**
 * Benchmarks that sit in the engine's community package so they can time its package-private
 * receive stages on their own ({@code StagesBenchmark}). Only in the benchmarks jar, never in the
 * engine's.
 */
@NullMarked
package org.jipv8.reactor.community;

import org.jspecify.annotations.NullMarked;
