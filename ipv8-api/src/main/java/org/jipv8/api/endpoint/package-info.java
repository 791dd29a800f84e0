/** Transports of datagrams. Non-null everywhere unless a method says otherwise. */
@NullMarked
package org.jipv8.api.endpoint;

import org.jspecify.annotations.NullMarked;
