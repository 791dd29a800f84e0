package org.jipv8.reactor.community;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;

/**
 * Addresses (bootstrap servers) and mids (our own identities) that must never become peers. Both
 * come from configuration, not from the network, but are bounded all the same: past the capacity a
 * further entry is refused and counted.
 *
 * <p>Threading: confined to the node's protocol thread, like the {@link Network} that owns it.
 */
final class NetworkBlacklist {
  private final int capacity;
  private final List<Address> addresses = new ArrayList<>();
  private final Set<NetworkKey> mids = new LinkedHashSet<>();
  private long refused;

  NetworkBlacklist(int capacity) {
    this.capacity = capacity;
  }

  /** Adds an address (no duplicates); true when the list changed. */
  boolean add(Address address) {
    if (addresses.contains(address)) {
      return false;
    }
    if (addresses.size() >= capacity) {
      refused++;
      return false;
    }
    addresses.add(address);
    return true;
  }

  /** Adds a mid; true when the set changed. */
  boolean addMid(NetworkKey mid) {
    if (mids.contains(mid)) {
      return false;
    }
    if (mids.size() >= capacity) {
      refused++;
      return false;
    }
    return mids.add(mid);
  }

  boolean contains(Address address) {
    return addresses.contains(address);
  }

  boolean containsMid(NetworkKey mid) {
    return mids.contains(mid);
  }

  List<Address> addresses() {
    return addresses;
  }

  Set<NetworkKey> mids() {
    return mids;
  }

  long refused() {
    return refused;
  }
}
