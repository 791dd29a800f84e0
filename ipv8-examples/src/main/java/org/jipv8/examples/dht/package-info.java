/** The DHT example: nodes on 127.0.0.1 store and find a signed value and locate a peer by mid. */
@NullMarked
package org.jipv8.examples.dht;

import org.jspecify.annotations.NullMarked;
