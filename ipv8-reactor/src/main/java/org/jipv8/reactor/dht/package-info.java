/**
 * py-ipv8's Kademlia-style DHT, byte for byte: {@link org.jipv8.reactor.dht.DHTCommunity} stores
 * and finds values by 20-byte key, {@link org.jipv8.reactor.dht.DHTDiscoveryCommunity} also finds
 * peers by mid through the nodes that store them. Node ids mix a CRC-32 of the masked IP address
 * with the mid ({@link org.jipv8.reactor.dht.NodeIds}); the routing table keeps nodes in buckets by
 * XOR distance. All state lives on the community's protocol thread.
 */
package org.jipv8.reactor.dht;
