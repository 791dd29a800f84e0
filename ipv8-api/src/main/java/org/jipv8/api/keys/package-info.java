/**
 * Keys and signatures. Everything here is non-null unless a method says otherwise; the Bouncy
 * Castle implementation lives in {@code org.jipv8.reactor.crypto}.
 */
@NullMarked
package org.jipv8.api.keys;

import org.jspecify.annotations.NullMarked;
