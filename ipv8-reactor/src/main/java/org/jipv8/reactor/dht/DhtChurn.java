package org.jipv8.reactor.dht;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;

/**
 * py-ipv8's DHT {@code PingChurn} step on a community's routing tables: bad nodes leave the table
 * and the network; peers of the community the table does not have are filed (or removed when no
 * bucket has room); table nodes become peers; every node not pinged for the interval is pinged.
 */
final class DhtChurn {
  private DhtChurn() {}

  static void step(DHTCommunity dht, Duration pingInterval) {
    if (dht.routingTables().isEmpty()) {
      return;
    }
    long now = dht.now();
    Network network = dht.network();
    for (RoutingTable t : dht.routingTables()) {
      for (TrackedNode bad : t.removeBadNodes(now)) {
        Peer peer = network.getVerifiedByPublicKeyBin(bad.node().publicKeyRef());
        if (peer != null) {
          network.removePeer(peer);
        }
      }
    }
    for (Peer peer : dht.getPeers()) {
      if (network.isBlacklisted(peer.address())) {
        continue;
      }
      Node node = new Node(peer.publicKey(), peer.address());
      RoutingTable t = dht.routingTable(peer.address());
      if (!t.has(node.idRef()) && t.add(node, now) == null) {
        network.removePeer(peer);
      }
    }
    Set<Peer> peers = new HashSet<>(dht.getPeers());
    for (RoutingTable t : dht.routingTables()) {
      for (TrackedNode n : t.nodes()) {
        Peer peer = new Peer(n.node().publicKey(), n.address());
        if (!peers.contains(peer)) {
          network.addVerifiedPeer(peer);
          network.discoverServices(peer, List.of(dht.communityId()));
        }
      }
    }
    for (RoutingTable t : dht.routingTables()) {
      for (TrackedNode n : t.nodes()) {
        if (n.lastPingSent() + pingInterval.toMillis() <= now) {
          dht.ping(n).subscribe(x -> {}, e -> {});
        }
      }
    }
  }
}
