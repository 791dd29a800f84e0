/**
 * Communities and what they share within one node: {@link org.jipv8.reactor.community.Community}
 * (the base class users extend: handler registry, receive pipeline, introduction protocol), {@link
 * org.jipv8.reactor.community.DiscoveryCommunity}, the shared {@link
 * org.jipv8.reactor.community.Network}, the {@link org.jipv8.reactor.community.PrefixRouter} of an
 * endpoint, {@link org.jipv8.reactor.community.CommunitySettings}, and the task and request-cache
 * helpers.
 *
 * <p>Nullness: parameters and results are non-null unless documented. Threading: community state
 * lives on the protocol scheduler of its settings; see each type.
 */
@NullMarked
package org.jipv8.reactor.community;

import org.jspecify.annotations.NullMarked;
