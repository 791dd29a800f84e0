/**
 * The test kit's {@link org.jipv8.testkit.NettyLeakGate}, in a module of its own (JUnit and Netty
 * only) so that the engine's own tests use it too; the rest of the package is in {@code
 * ipv8-testkit}.
 *
 * <p>Nullness: non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.jipv8.testkit;

import org.jspecify.annotations.NullMarked;
