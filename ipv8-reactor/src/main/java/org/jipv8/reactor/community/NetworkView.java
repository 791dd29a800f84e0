package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;

/**
 * An immutable copy of what readers on any thread may ask the peer bookkeeping: the verified peers
 * (in order, and by key) with their services, the blacklists and the service providers. The
 * protocol thread publishes a new one after each change of those (which is rare: peers come and go,
 * services and blacklists hardly change), so a read never takes a lock and never sees a half-made
 * change.
 */
record NetworkView(
    List<Peer> peers,
    Map<NetworkKey, Peer> byKey,
    Map<NetworkKey, Set<CommunityId>> services,
    List<Address> blacklist,
    Set<NetworkKey> blacklistMids,
    Map<CommunityId, Overlay> providers) {

  static final NetworkView EMPTY =
      new NetworkView(List.of(), Map.of(), Map.of(), List.of(), Set.of(), Map.of());

  static NetworkView of(PeerTable table, NetworkServices services, NetworkBlacklist blacklist) {
    Map<NetworkKey, Peer> byKey = new LinkedHashMap<>();
    Map<NetworkKey, Set<CommunityId>> served = new LinkedHashMap<>();
    for (Peer p : table.peers()) {
      NetworkKey key = NetworkKey.of(p);
      byKey.put(key, p);
      Set<CommunityId> s = services.of(key);
      if (s != null) {
        served.put(key, s);
      }
    }
    return new NetworkView(
        List.copyOf(table.peers()),
        Collections.unmodifiableMap(byKey),
        Collections.unmodifiableMap(served),
        List.copyOf(blacklist.addresses()),
        Collections.unmodifiableSet(new LinkedHashSet<>(blacklist.mids())),
        Collections.unmodifiableMap(new LinkedHashMap<>(services.providers())));
  }

  /** Verified peers serving {@code service}, in verification order (no cache involved). */
  List<Peer> peersFor(CommunityId service) {
    List<Peer> out = new ArrayList<>();
    for (Peer p : peers) {
      Set<CommunityId> s = services.get(NetworkKey.of(p));
      if (s != null && s.contains(service)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }
}
