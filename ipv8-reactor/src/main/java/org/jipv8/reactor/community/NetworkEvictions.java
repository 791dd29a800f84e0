package org.jipv8.reactor.community;

/**
 * What the peer bookkeeping forgot to stay within its bounds, since it was created: every structure
 * that grows with peers we do not know (addresses introduced to us, services of unverified peers,
 * reverse caches, blacklists) has a capacity, and each eviction is counted here.
 *
 * @param walkableAddresses known (introduced or loaded) addresses evicted, oldest first
 * @param unverifiedServices service sets of unverified peers evicted
 * @param reverseIpCache entries evicted from the address-to-peer cache
 * @param reverseIntroCache entries evicted from the introducer-to-addresses cache
 * @param reverseServiceCache entries evicted from the service-to-peers cache
 * @param blacklist addresses and mids refused because a blacklist was full
 */
public record NetworkEvictions(
    long walkableAddresses,
    long unverifiedServices,
    long reverseIpCache,
    long reverseIntroCache,
    long reverseServiceCache,
    long blacklist) {

  /** The sum of all evictions. */
  public long total() {
    return walkableAddresses
        + unverifiedServices
        + reverseIpCache
        + reverseIntroCache
        + reverseServiceCache
        + blacklist;
  }
}
