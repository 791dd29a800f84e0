/**
 * A key-value exchange written only with the reactive overlay API ({@code messages}, {@code peers},
 * {@code send}, {@code request}), and compositions of those streams with ordinary Reactor
 * operators; included in the README's tutorial.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.examples.reactive;

import org.jspecify.annotations.NullMarked;
