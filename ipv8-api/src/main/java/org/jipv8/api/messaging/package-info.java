/**
 * Declaring messages: a message is one {@code record} annotated with {@link
 * org.jipv8.api.messaging.Message}; its fields map to py-ipv8 wire formats by type, or by {@link
 * org.jipv8.api.messaging.Format}. Non-null everywhere unless a method says otherwise.
 */
@NullMarked
package org.jipv8.api.messaging;

import org.jspecify.annotations.NullMarked;
