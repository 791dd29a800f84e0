/**
 * Launchers: a second way to put communities into a service, for programs that load many
 * communities under conditions and in a dependency order (py-ipv8's {@code ipv8.loader}).
 *
 * <p>A launcher is a subclass of {@link org.jipv8.api.loader.CommunityLauncher} described by
 * annotations, the Java form of py-ipv8's class decorators:
 *
 * <pre>{@code
 * @Overlay(MyCommunity.class)
 * @WalkStrategy(value = RandomWalk.class, targetPeers = 20, init = @Kwarg(key = "timeout", value = "3.0"))
 * @After("DiscoveryLauncher")
 * @SetInSession("my_community")
 * public class MyLauncher extends CommunityLauncher {}
 * }</pre>
 *
 * <p>A {@link org.jipv8.api.loader.CommunityLoader} holds launchers (registered explicitly or found
 * with {@link java.util.ServiceLoader}) and launches them in dependency order into a {@link
 * org.jipv8.api.loader.LaunchTarget}, which the engine's service implements.
 *
 * <p>Order of stacked annotations: py-ipv8 applies the decorator closest to the class first, so
 * accumulating decorators collect bottom-up. Java has no such order, so here accumulating
 * annotations ({@code @After}, {@code @Precondition}, {@code @WalkStrategy},
 * {@code @BootstrapperSpec}, {@code @SetInSession}, {@code @Kwargs}) collect in declaration order,
 * top to bottom, superclass annotations before subclass annotations. When translating a py-ipv8
 * launcher, write the decorators in reverse order. For the non-accumulating ones ({@code @Overlay},
 * {@code @Name}) the annotation nearest to the concrete class wins.
 *
 * <p>The annotation {@link org.jipv8.api.loader.Overlay} shares its simple name with the interface
 * {@link org.jipv8.api.community.Overlay}; in a file that needs both, import one of them by its
 * full name.
 *
 * <p>Nullness: non-null unless documented.
 */
@NullMarked
package org.jipv8.api.loader;

import org.jspecify.annotations.NullMarked;
