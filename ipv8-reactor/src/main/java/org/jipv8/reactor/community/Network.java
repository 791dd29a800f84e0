package org.jipv8.reactor.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;

/**
 * The peer bookkeeping shared by all communities of one node (py-ipv8's {@code Network}): verified
 * peers, walkable (introduced, unverified) addresses, per-peer services and the blacklist of
 * bootstrap servers. Semantics follow ../shared/spec/runtime.md section 3 exactly.
 *
 * <p>Threading: all methods are safe to call from any thread (one internal lock); the engine calls
 * them from the protocol thread.
 */
public final class Network {

  /** Adds a verified peer (or merges its addresses into the stored peer with the same key). */
  public void addVerifiedPeer(Peer peer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /**
   * Records that {@code introducer} introduced {@code address} for {@code service} and verifies the
   * introducer.
   */
  public void discoverAddress(
      Peer introducer, Address address, CommunityId service, boolean newStyle) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Adds {@code services} to the peer's service set (the peer need not be verified). */
  public void discoverServices(Peer peer, Collection<CommunityId> services) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Verified peers serving {@code service}. */
  public List<Peer> getPeersForService(CommunityId service) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** The services of a peer (empty when unknown). */
  public Set<CommunityId> getServicesForPeer(Peer peer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /**
   * Known, unverified addresses; with a service, only those introduced for it.
   *
   * @param service the service filter, or null for all
   * @param oldStyle drop addresses flagged new-style
   */
  public List<Address> getWalkableAddresses(CommunityId service, boolean oldStyle) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** The verified peer having {@code address} in any slot, or null. */
  public Peer getVerifiedByAddress(Address address) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** The verified peer with that serialised public key, or null. */
  public Peer getVerifiedByPublicKeyBin(byte[] publicKeyBin) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Every address {@code peer} ever introduced. */
  public List<Address> getIntroductionsFrom(Peer peer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Whether the address is known and flagged new-style. */
  public boolean isNewStyle(Address address) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Forgets an address and every verified peer using it. */
  public void removeByAddress(Address address) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Forgets a peer, its addresses and its services. */
  public void removePeer(Peer peer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** All verified peers (a snapshot). */
  public List<Peer> verifiedPeers() {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Registers the local overlay that provides {@code service}. */
  public void registerServiceProvider(CommunityId service, Overlay overlay) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Local overlays by service id (a snapshot, in registration order). */
  public Map<CommunityId, Overlay> serviceOverlays() {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Adds an address that must never become a peer (bootstrap servers); no duplicates. */
  public void addToBlacklist(Address address) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Whether the address is blacklisted. */
  public boolean isBlacklisted(Address address) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Adds a mid that must never become a peer (our own identities). */
  public void addBlacklistedMid(byte[] mid) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Observes peers being added and removed. */
  public interface PeerObserver {
    /** A peer became verified. */
    void onPeerAdded(Peer peer);

    /** A verified peer was removed. */
    void onPeerRemoved(Peer peer);
  }

  /** Adds an observer; notified synchronously. */
  public void addPeerObserver(PeerObserver observer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Removes an observer (absent ones are ignored). */
  public void removePeerObserver(PeerObserver observer) {
    throw new UnsupportedOperationException("TODO network");
  }

  /** The 7/19-byte typed addresses of all verified peers, concatenated. */
  public byte[] snapshot() {
    throw new UnsupportedOperationException("TODO network");
  }

  /** Loads addresses from {@link #snapshot()} bytes; stops quietly at the first bad entry. */
  public void loadSnapshot(byte[] snapshot) {
    throw new UnsupportedOperationException("TODO network");
  }
}
