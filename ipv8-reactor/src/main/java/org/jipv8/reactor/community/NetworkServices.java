package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;

/**
 * Which services (community ids) each peer said it serves, and which local overlay provides each
 * service. Service sets of peers that are not verified are bounded: past the capacity the oldest
 * such set is forgotten and counted (verified peers' sets are never evicted).
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class NetworkServices {
  private final int unverifiedCapacity;
  private final Map<NetworkKey, Set<CommunityId>> perPeer = new LinkedHashMap<>();
  private final Map<CommunityId, Overlay> providers = new LinkedHashMap<>();
  private long evicted;

  NetworkServices(int unverifiedCapacity) {
    this.unverifiedCapacity = unverifiedCapacity;
  }

  /**
   * The services of a peer (an unmodifiable set, replaced whole when it grows, so callers may keep
   * it as a snapshot), or null when none are known.
   */
  Set<CommunityId> of(NetworkKey peer) {
    return perPeer.get(peer);
  }

  /**
   * Adds services; true when the peer's set changed. {@code verifiedCount} peers are verified
   * ({@code verified} tells which), so the sets beyond them are at most the capacity plus that.
   */
  boolean add(
      NetworkKey peer,
      Collection<CommunityId> services,
      Predicate<NetworkKey> verified,
      int verifiedCount) {
    Set<CommunityId> set = perPeer.get(peer);
    if (set == null) {
      perPeer.put(peer, Collections.unmodifiableSet(new LinkedHashSet<>(services)));
      trim(verified, verifiedCount);
      return !services.isEmpty();
    }
    if (set.containsAll(services)) {
      return false;
    }
    // Copied on the rare change, so that every read (one per introduction) is free.
    Set<CommunityId> grown = new LinkedHashSet<>(set);
    grown.addAll(services);
    perPeer.replace(peer, Collections.unmodifiableSet(grown));
    return true;
  }

  void remove(NetworkKey peer) {
    perPeer.remove(peer);
  }

  void registerProvider(CommunityId service, Overlay overlay) {
    providers.put(service, overlay);
  }

  Map<CommunityId, Overlay> providers() {
    return providers;
  }

  long evicted() {
    return evicted;
  }

  private void trim(Predicate<NetworkKey> verified, int verifiedCount) {
    Iterator<NetworkKey> oldest = perPeer.keySet().iterator();
    while (perPeer.size() - verifiedCount > unverifiedCapacity && oldest.hasNext()) {
      if (!verified.test(oldest.next())) {
        oldest.remove();
        evicted++;
      }
    }
  }
}
