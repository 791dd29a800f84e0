/**
 * py-ipv8's wire format: the serializer's formats ({@link org.jipv8.reactor.messaging.Serializer}),
 * record schemas, and packet framing with signatures ({@link org.jipv8.reactor.messaging.Packets}).
 * All of it is stateless and thread-safe.
 */
@NullMarked
package org.jipv8.reactor.messaging;

import org.jspecify.annotations.NullMarked;
