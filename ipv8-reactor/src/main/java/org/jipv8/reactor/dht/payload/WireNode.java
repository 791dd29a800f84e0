package org.jipv8.reactor.dht.payload;

import org.jipv8.api.address.Address;

/**
 * One item of a DHT node list as it travels: an {@code ip_address} then a {@code varlenH} public
 * key, inline (no length before the item). The receiver derives the node id from this address.
 *
 * @param address where the node is reachable, as the sender saw it
 * @param publicKey the node's public key in binary form
 */
public record WireNode(Address address, byte[] publicKey) {}
