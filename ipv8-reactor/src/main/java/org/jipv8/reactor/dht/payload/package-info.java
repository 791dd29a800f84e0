/**
 * The wire messages of py-ipv8's DHT (message ids 1-10 under the DHT community prefix): signed, no
 * global time, every request and response carrying a u32 identifier. Records only; the DHT
 * communities in {@code org.jipv8.reactor.dht} send and handle them.
 */
@NullMarked
package org.jipv8.reactor.dht.payload;

import org.jspecify.annotations.NullMarked;
