/**
 * py-ipv8's Kademlia-style DHT, byte for byte: {@code DHTCommunity} stores and finds values by
 * 20-byte key, {@code DHTDiscoveryCommunity} also finds peers by mid through the nodes that store
 * them. Node ids mix a CRC-32 of the masked IP address with the mid ({@link
 * org.jipv8.reactor.dht.NodeIds}); the routing table keeps nodes in buckets by XOR distance. All
 * state lives on the community's protocol thread.
 */
@NullMarked
package org.jipv8.reactor.dht;

import org.jspecify.annotations.NullMarked;
