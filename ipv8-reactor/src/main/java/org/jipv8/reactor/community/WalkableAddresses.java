package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;

/**
 * Every address the node knows of, verified or not (py-ipv8's {@code _all_addresses}): who
 * introduced it, for which service, and whether the introduction was new-style. Bounded: past the
 * capacity the oldest address is forgotten and counted, so a flood of introductions of fresh
 * addresses cannot grow it without limit (py-ipv8 has no bound).
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class WalkableAddresses {

  /** What we know of an address that is not (necessarily) a verified peer. */
  record Known(NetworkKey introducedBy, CommunityId service, boolean newStyle) {
    static final Known ANONYMOUS = new Known(NetworkKey.EMPTY, null, false);
  }

  private final int capacity;
  private final Map<Address, Known> known = new LinkedHashMap<>();
  private long evicted;

  WalkableAddresses(int capacity) {
    this.capacity = capacity;
  }

  boolean contains(Address address) {
    return known.containsKey(address);
  }

  Known get(Address address) {
    return known.get(address);
  }

  /** Records an address (replacing what was known of it), then keeps within the bound. */
  void put(Address address, Known what) {
    known.put(address, what);
    trim();
  }

  /** Records an address without an introducer unless it is known already. */
  void putIfAbsent(Address address) {
    if (known.putIfAbsent(address, Known.ANONYMOUS) == null) {
      trim();
    }
  }

  void remove(Address address) {
    known.remove(address);
  }

  boolean isNewStyle(Address address) {
    Known k = known.get(address);
    return k != null && k.newStyle();
  }

  /** Addresses introduced by the peer with {@code key}, in the order they were learnt. */
  List<Address> introducedBy(NetworkKey key) {
    List<Address> out = new ArrayList<>();
    for (Map.Entry<Address, Known> e : known.entrySet()) {
      if (e.getValue().introducedBy().equals(key)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Known addresses that are not {@code taken} (addresses of verified peers); with a service, only
   * those introduced for it or by a peer serving it, and with {@code oldStyle} only those not
   * flagged new-style.
   */
  List<Address> walkable(
      Set<Address> taken,
      CommunityId service,
      boolean oldStyle,
      Function<NetworkKey, Set<CommunityId>> servicesOf) {
    List<Address> out = new ArrayList<>();
    Predicate<Known> forService =
        k ->
            service.equals(k.service())
                || (servicesOf.apply(k.introducedBy()) != null
                    && servicesOf.apply(k.introducedBy()).contains(service));
    for (Map.Entry<Address, Known> e : known.entrySet()) {
      Address a = e.getKey();
      if (taken.contains(a)) {
        continue;
      }
      if (service != null) {
        Known k = e.getValue();
        if ((oldStyle && k.newStyle()) || !forService.test(k)) {
          continue;
        }
      }
      out.add(a);
    }
    return out;
  }

  int size() {
    return known.size();
  }

  long evicted() {
    return evicted;
  }

  private void trim() {
    Iterator<Address> oldest = known.keySet().iterator();
    while (known.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
      evicted++;
    }
  }
}
