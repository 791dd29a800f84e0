package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.FakeKeys;
import org.jipv8.reactor.discovery.FakeOverlay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mirrors py-ipv8's test_network.py (runtime.md 11.2) plus the documented fixes A6 and A7. */
class NetworkTest {
  private static final CommunityId SERVICE_1 = service(0);
  private static final CommunityId SERVICE_2 = service(20);

  private Network network;
  private final List<Peer> peers = new ArrayList<>();

  private static CommunityId service(int first) {
    byte[] b = new byte[20];
    for (int i = 0; i < 20; i++) {
      b[i] = (byte) (first + i);
    }
    return new CommunityId(b);
  }

  private static Peer peer(int i) {
    return FakeKeys.peer(i, "1.2.3." + (i + 1), 1000 + i);
  }

  @BeforeEach
  void setUp() {
    network = new Network();
    for (int i = 0; i < 4; i++) {
      peers.add(peer(i));
    }
  }

  private Peer p(int i) {
    return peers.get(i);
  }

  /** An observer recording "+peer" and "-peer" events in order. */
  private static final class Recorder implements Network.PeerObserver {
    final List<String> events = new ArrayList<>();

    @Override
    public void onPeerAdded(Peer peer) {
      events.add("+" + peer.address());
    }

    @Override
    public void onPeerRemoved(Peer peer) {
      events.add("-" + peer.address());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // discover_address

  @Test
  void discoveringAnAddressVerifiesTheIntroducerAndMakesTheAddressWalkable() {
    network.discoverAddress(p(0), p(1).address(), null, false);

    assertFalse(network.getWalkableAddresses().contains(p(0).address()));
    assertTrue(network.getWalkableAddresses().contains(p(1).address()));
    assertTrue(network.verifiedPeers().contains(p(0)));
    assertFalse(network.verifiedPeers().contains(p(1)));
    assertEquals(List.of(p(1).address()), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void discoveringTheSameAddressTwiceIsIdempotent() {
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.discoverAddress(p(0), p(1).address(), null, false);

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
    assertEquals(List.of(p(1).address()), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void aKnownAddressKeepsItsIntroducerWhileTheIntroducerLives() {
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.discoverAddress(p(2), p(1).address(), null, false);

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses());
    assertEquals(List.of(p(0), p(2)), network.verifiedPeers());
    assertEquals(List.of(p(1).address()), network.getIntroductionsFrom(p(0)));
    assertEquals(List.of(), network.getIntroductionsFrom(p(2)));
  }

  @Test
  void aNewIntroducerAdoptsAnAddressWhoseIntroducerWasRemoved() {
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.removePeer(p(0));
    network.discoverAddress(p(2), p(1).address(), null, false);

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses());
    assertEquals(List.of(p(2)), network.verifiedPeers());
    assertEquals(List.of(p(1).address()), network.getIntroductionsFrom(p(2)));
  }

  @Test
  void aBlacklistedIntroducedAddressIsNeitherWalkableNorVerified() {
    network.addToBlacklist(p(2).address());
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.discoverAddress(p(0), p(2).address(), null, false);

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
    assertEquals(List.of(p(1).address()), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void onePeerCanMakeSeveralIntroductions() {
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.discoverAddress(p(0), p(2).address(), null, false);

    assertEquals(List.of(p(1).address(), p(2).address()), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
    assertEquals(List.of(p(1).address(), p(2).address()), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void theIntroductionCacheIsNotReorderedByReadsButExtendedByDiscoveries() {
    network.discoverAddress(p(0), p(2).address(), null, false);
    network.discoverAddress(p(1), p(3).address(), null, false);
    assertEquals(List.of(p(0), p(1)), network.reverseIntroCacheOrder());

    network.getIntroductionsFrom(p(0));
    assertEquals(List.of(p(0), p(1)), network.reverseIntroCacheOrder());

    Address extra = Address.ipv4("9.9.9.9", 9);
    network.discoverAddress(p(0), extra, null, false);
    assertEquals(List.of(p(0), p(1)), network.reverseIntroCacheOrder());
    assertEquals(List.of(p(2).address(), extra), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void theIntroductionCacheEvictsItsOldestEntryBeyondCapacity() {
    Network small = new Network(2);
    small.discoverAddress(p(0), Address.ipv4("9.0.0.1", 1), null, false);
    small.discoverAddress(p(1), Address.ipv4("9.0.0.2", 1), null, false);
    small.discoverAddress(p(2), Address.ipv4("9.0.0.3", 1), null, false);

    assertEquals(List.of(p(1), p(2)), small.reverseIntroCacheOrder());
    // A miss is recomputed from the known addresses.
    assertEquals(List.of(Address.ipv4("9.0.0.1", 1)), small.getIntroductionsFrom(p(0)));
    assertEquals(List.of(p(2), p(0)), small.reverseIntroCacheOrder());
  }

  @Test
  void newStyleFlagIsRecordedWithTheIntroduction() {
    network.discoverAddress(p(0), p(1).address(), SERVICE_1, true);
    network.discoverAddress(p(0), p(2).address(), SERVICE_1, false);

    assertTrue(network.isNewStyle(p(1).address()));
    assertFalse(network.isNewStyle(p(2).address()));
    assertFalse(network.isNewStyle(p(3).address()));
    assertEquals(List.of(p(2).address()), network.getWalkableAddresses(SERVICE_1, true));
    assertEquals(
        List.of(p(1).address(), p(2).address()), network.getWalkableAddresses(SERVICE_1, false));
  }

  // ---------------------------------------------------------------------------------------------
  // services

  @Test
  void servicesOfAVerifiedPeerAreRegistered() {
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.addVerifiedPeer(p(0));

    assertEquals(Set.of(SERVICE_1), network.getServicesForPeer(p(0)));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_1));
  }

  @Test
  void servicesOfAnUnverifiedPeerAreKnownButItIsNotAPeerOfTheService() {
    network.discoverServices(p(0), List.of(SERVICE_1));

    assertEquals(Set.of(SERVICE_1), network.getServicesForPeer(p(0)));
    assertEquals(List.of(), network.getPeersForService(SERVICE_1));
  }

  @Test
  void discoveredServicesAreCombined() {
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.discoverServices(p(0), List.of(SERVICE_2));
    network.addVerifiedPeer(p(0));

    assertEquals(Set.of(SERVICE_1, SERVICE_2), network.getServicesForPeer(p(0)));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_1));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_2));
  }

  @Test
  void overlappingServicesAreCombined() {
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.discoverServices(p(0), List.of(SERVICE_1, SERVICE_2));
    network.addVerifiedPeer(p(0));

    assertEquals(Set.of(SERVICE_1, SERVICE_2), network.getServicesForPeer(p(0)));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_1));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_2));
  }

  @Test
  void aServiceSetReadEarlierIsAnUnmodifiableSnapshot() {
    network.discoverServices(p(0), List.of(SERVICE_1));
    Set<CommunityId> before = network.getServicesForPeer(p(0));
    network.discoverServices(p(0), List.of(SERVICE_2));

    assertEquals(Set.of(SERVICE_1), before);
    assertEquals(Set.of(SERVICE_1, SERVICE_2), network.getServicesForPeer(p(0)));
    assertThrows(UnsupportedOperationException.class, () -> before.add(SERVICE_2));
  }

  @Test
  void servicesOfAnUnknownPeerAreEmpty() {
    assertEquals(Set.of(), network.getServicesForPeer(p(3)));
  }

  @Test
  void theServiceCacheIsReconstructedWithTheStoredPeers() {
    network.addVerifiedPeer(p(0));
    network.discoverServices(p(0), List.of(SERVICE_1));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_1));

    // A later peer of the service is appended to the cached entry.
    network.addVerifiedPeer(p(1));
    network.discoverServices(p(1), List.of(SERVICE_1));
    assertEquals(List.of(p(0), p(1)), network.reverseServiceCacheEntry(SERVICE_1));
    assertEquals(List.of(p(0), p(1)), network.getPeersForService(SERVICE_1));

    // Rediscovery moves the peer to the end; a removed peer is filtered out lazily.
    network.discoverServices(p(0), List.of(SERVICE_1));
    assertEquals(List.of(p(1), p(0)), network.reverseServiceCacheEntry(SERVICE_1));
    network.removePeer(p(1));
    assertEquals(List.of(p(1), p(0)), network.reverseServiceCacheEntry(SERVICE_1));
    assertEquals(List.of(p(0)), network.getPeersForService(SERVICE_1));
    assertEquals(List.of(p(0)), network.reverseServiceCacheEntry(SERVICE_1));
  }

  @Test
  void theServiceCacheAnswersWithTheStoredPeerObject() {
    Peer stored = p(0);
    network.addVerifiedPeer(stored);
    network.discoverServices(stored, List.of(SERVICE_1));
    network.getPeersForService(SERVICE_1);

    Peer sameKey = FakeKeys.peer(0, "5.5.5.5", 5);
    network.discoverServices(sameKey, List.of(SERVICE_1));

    assertSame(stored, network.getPeersForService(SERVICE_1).get(0));
  }

  @Test
  void aServiceCacheOfCapacityOneKeepsTheLatestService() {
    Network small = new Network(1);
    small.addVerifiedPeer(p(0));
    small.discoverServices(p(0), List.of(SERVICE_1, SERVICE_2));

    small.getPeersForService(SERVICE_1);
    small.getPeersForService(SERVICE_2);

    assertEquals(List.of(SERVICE_2), small.reverseServiceCacheOrder());
    assertEquals(List.of(p(0)), small.getPeersForService(SERVICE_1));
    assertEquals(List.of(SERVICE_1), small.reverseServiceCacheOrder());
  }

  @Test
  void readingAServiceMovesItToTheNewestCachePosition() {
    network.getPeersForService(SERVICE_1);
    network.getPeersForService(SERVICE_2);
    network.getPeersForService(SERVICE_1);

    assertEquals(List.of(SERVICE_2, SERVICE_1), network.reverseServiceCacheOrder());
  }

  // ---------------------------------------------------------------------------------------------
  // add_verified_peer

  @Test
  void aNewPeerIsVerifiedAndNotWalkable() {
    network.addVerifiedPeer(p(0));

    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
    assertEquals(List.of(), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void aPeerAtABlacklistedAddressIsNotAdded() {
    network.addToBlacklist(p(0).address());
    network.addVerifiedPeer(p(0));

    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(List.of(), network.verifiedPeers());
  }

  @Test
  void aPeerWithABlacklistedMidIsNotAdded() {
    network.addBlacklistedMid(p(0).mid());
    network.addVerifiedPeer(p(0));
    network.discoverAddress(p(0), p(1).address(), null, false);

    assertEquals(List.of(), network.verifiedPeers());
    assertTrue(network.isBlacklistedMid(p(0).mid()));
  }

  @Test
  void addingAPeerTwiceKeepsOneEntry() {
    network.addVerifiedPeer(p(0));
    p(0).updateClock(1);
    network.addVerifiedPeer(p(0));

    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
    assertEquals(List.of(), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void aWalkableAddressIsPromotedToAVerifiedPeer() {
    network.discoverAddress(p(1), p(0).address(), null, false);
    network.addVerifiedPeer(p(0));

    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(List.of(p(1), p(0)), network.verifiedPeers());
    assertEquals(List.of(), network.getIntroductionsFrom(p(0)));
  }

  @Test
  void readdingAKeyWithANewAddressUpdatesTheStoredPeer() {
    Peer stored = p(0);
    network.addVerifiedPeer(stored);
    stored.freezeAddress(true);
    Peer moved = FakeKeys.peer(0, "::1", 7, () -> 1L);
    moved.addAddress(Address.ipv6("::1", 7));

    network.addVerifiedPeer(moved);

    assertEquals(1, network.verifiedPeers().size());
    assertSame(stored, network.verifiedPeers().get(0));
    assertEquals(Address.ipv6("::1", 7), stored.address());
    assertSame(stored, network.getVerifiedByPublicKeyBin(moved.publicKeyBin()));
  }

  @Test
  void aPeerWithoutAddressesIsAdded() {
    Peer nowhere = new Peer(FakeKeys.key(42), null, false, () -> 1L);
    network.addVerifiedPeer(nowhere);

    assertEquals(List.of(nowhere), network.verifiedPeers());
  }

  // ---------------------------------------------------------------------------------------------
  // lookups

  @Test
  void aVerifiedPeerIsFoundByAddress() {
    network.addVerifiedPeer(p(0));

    assertSame(p(0), network.getVerifiedByAddress(p(0).address()));
    assertNull(network.getVerifiedByAddress(p(1).address()));
  }

  @Test
  void addressLookupsFillTheIpCacheWithLruRefreshAndEviction() {
    Network small = new Network(2);
    for (int i = 0; i < 3; i++) {
      small.addVerifiedPeer(p(i));
    }
    small.getVerifiedByAddress(p(0).address());
    small.getVerifiedByAddress(p(1).address());
    assertEquals(List.of(p(0).address(), p(1).address()), small.reverseIpCacheOrder());

    small.getVerifiedByAddress(p(0).address());
    assertEquals(List.of(p(1).address(), p(0).address()), small.reverseIpCacheOrder());

    small.getVerifiedByAddress(p(2).address());
    assertEquals(List.of(p(0).address(), p(2).address()), small.reverseIpCacheOrder());
  }

  @Test
  void aStaleIpCacheHitIsNotReturned() {
    network.addVerifiedPeer(p(0));
    assertSame(p(0), network.getVerifiedByAddress(p(0).address()));

    network.removePeer(p(0));

    assertNull(network.getVerifiedByAddress(p(0).address()));
    assertEquals(List.of(), network.reverseIpCacheOrder());
  }

  @Test
  void aVerifiedPeerIsFoundByPublicKey() {
    network.addVerifiedPeer(p(0));

    assertSame(p(0), network.getVerifiedByPublicKeyBin(p(0).publicKeyBin()));
    assertNull(network.getVerifiedByPublicKeyBin(p(1).publicKeyBin()));
  }

  // ---------------------------------------------------------------------------------------------
  // removal

  @Test
  void removingByAddressDropsTheVerifiedPeerAndItsServices() {
    network.addVerifiedPeer(p(0));
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.removeByAddress(p(0).address());

    assertEquals(List.of(), network.verifiedPeers());
    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(Set.of(), network.getServicesForPeer(p(0)));
  }

  @Test
  void removingByAddressDropsAnUnverifiedAddress() {
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.removeByAddress(p(1).address());

    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(List.of(p(0)), network.verifiedPeers());
  }

  @Test
  void removingAnUnknownAddressChangesNothing() {
    network.addVerifiedPeer(p(0));
    network.discoverAddress(p(0), p(2).address(), null, false);
    List<Address> walkable = network.getWalkableAddresses();
    List<Peer> verified = network.verifiedPeers();

    network.removeByAddress(p(1).address());

    assertEquals(walkable, network.getWalkableAddresses());
    assertEquals(verified, network.verifiedPeers());
  }

  @Test
  void removingByAddressWorksForAPeerWithoutServices() {
    network.addVerifiedPeer(p(0));
    network.removeByAddress(p(0).address());

    assertEquals(List.of(), network.verifiedPeers());
    assertEquals(List.of(), network.getWalkableAddresses());
  }

  @Test
  void aPeerRemovedByAddressCanBeVerifiedAgain() {
    network.addVerifiedPeer(p(0));
    network.removeByAddress(p(0).address());

    assertNull(network.getVerifiedByPublicKeyBin(p(0).publicKeyBin()));
    network.addVerifiedPeer(p(0));
    assertEquals(List.of(p(0)), network.verifiedPeers());
  }

  @Test
  void removingAPeerDropsItsAddressVerificationAndServices() {
    network.addVerifiedPeer(p(0));
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.removePeer(p(0));

    assertEquals(List.of(), network.verifiedPeers());
    assertEquals(List.of(), network.getWalkableAddresses());
    assertEquals(Set.of(), network.getServicesForPeer(p(0)));
    assertNull(network.getVerifiedByPublicKeyBin(p(0).publicKeyBin()));
  }

  @Test
  void removingAnUnverifiedPeerDropsItsWalkableAddress() {
    network.discoverAddress(p(1), p(0).address(), null, false);
    network.removePeer(p(0));

    assertFalse(network.getWalkableAddresses().contains(p(0).address()));
  }

  @Test
  void removingAnUnknownPeerChangesNothing() {
    network.addVerifiedPeer(p(0));
    network.discoverAddress(p(0), p(2).address(), null, false);
    List<Address> walkable = network.getWalkableAddresses();
    List<Peer> verified = network.verifiedPeers();

    network.removePeer(p(1));

    assertEquals(walkable, network.getWalkableAddresses());
    assertEquals(verified, network.verifiedPeers());
  }

  // ---------------------------------------------------------------------------------------------
  // walkable by service

  @Test
  void walkableAddressesAreFilteredByTheIntroducersServices() {
    network.discoverAddress(p(2), p(3).address(), null, false);
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.discoverServices(p(0), List.of(SERVICE_1));

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses(SERVICE_1, false));
  }

  @Test
  void anAddressIntroducedForAServiceIsWalkableForIt() {
    network.discoverAddress(p(0), p(1).address(), SERVICE_1, false);

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses(SERVICE_1, false));
    assertEquals(List.of(), network.getWalkableAddresses(SERVICE_2, false));
    // The query has no side effect on the introducer's services (quirk A8 not copied).
    assertEquals(Set.of(), network.getServicesForPeer(p(0)));
  }

  @Test
  void addressesOfPeersOutsideTheServiceCanBeWalkableForIt() {
    network.addVerifiedPeer(p(0));
    network.discoverServices(p(0), List.of(SERVICE_1));
    network.discoverAddress(p(0), p(1).address(), SERVICE_1, false);
    network.addVerifiedPeer(p(1));

    assertEquals(List.of(p(1).address()), network.getWalkableAddresses(SERVICE_1, false));
    assertEquals(List.of(), network.getWalkableAddresses());
  }

  @Test
  void snapshotAddressesAreNeverWalkableForAService() {
    network.loadSnapshot(HexFormat.of().parseHex("0101020304000a"));

    assertEquals(List.of(Address.ipv4("1.2.3.4", 10)), network.getWalkableAddresses());
    assertEquals(List.of(), network.getWalkableAddresses(SERVICE_1, false));
  }

  // ---------------------------------------------------------------------------------------------
  // snapshots

  @Test
  void aSnapshotHoldsSevenBytesPerVerifiedPeer() {
    for (Peer peer : peers) {
      network.addVerifiedPeer(peer);
    }
    assertEquals(7 * peers.size(), network.snapshot().length);
  }

  @Test
  void aSnapshotLeavesOutUnverifiedAddresses() {
    network.addVerifiedPeer(p(0));
    network.discoverAddress(p(0), p(1).address(), null, false);

    assertArrayEquals(HexFormat.of().parseHex("01010203010" + "3e8"), network.snapshot());
  }

  @Test
  void aSnapshotWithOnlyUnverifiedAddressesIsEmpty() {
    network.addBlacklistedMid(p(0).mid());
    for (int i = 1; i < 4; i++) {
      network.discoverAddress(p(0), p(i).address(), null, false);
    }
    assertEquals(0, network.snapshot().length);
  }

  @Test
  void aSnapshotWithoutPeersIsEmpty() {
    assertEquals(0, network.snapshot().length);
  }

  @Test
  void aSnapshotUsesNineteenBytesForIpv6AndLeavesOutTheNullAddress() {
    network.addVerifiedPeer(
        new Peer(FakeKeys.key(7), Address.ipv6("2001:db8::1", 8), false, () -> 1));
    network.addVerifiedPeer(new Peer(FakeKeys.key(8), null, false, () -> 1));

    byte[] snapshot = network.snapshot();
    assertArrayEquals(HexFormat.of().parseHex("0320010db80000000000000000000000010008"), snapshot);

    Network other = new Network();
    other.loadSnapshot(snapshot);
    assertEquals(List.of(Address.ipv6("2001:db8::1", 8)), other.getWalkableAddresses());
  }

  @Test
  void snapshotsRoundTripMappedIpv6AndHostNames() {
    network.addVerifiedPeer(
        new Peer(FakeKeys.key(7), Address.ipv6("::ffff:1.2.3.4", 8), false, () -> 1));
    network.addVerifiedPeer(
        new Peer(FakeKeys.key(8), Address.domain("tracker.test", 9), false, () -> 1));

    byte[] snapshot = network.snapshot();
    assertEquals(19 + 5 + "tracker.test".length(), snapshot.length);

    Network other = new Network();
    other.loadSnapshot(snapshot);
    assertEquals(
        List.of(Address.ipv6("::ffff:1.2.3.4", 8), Address.domain("tracker.test", 9)),
        other.getWalkableAddresses());
  }

  private static final String FOUR_ENTRIES =
      "0136e23871e14a" + "0146c8b71ded8f" + "01c2742aae557a" + "018f5dfeafa386";
  private static final List<Address> FOUR_ADDRESSES =
      List.of(
          Address.ipv4("54.226.56.113", 57674),
          Address.ipv4("70.200.183.29", 60815),
          Address.ipv4("194.116.42.174", 21882),
          Address.ipv4("143.93.254.175", 41862));

  @Test
  void aSnapshotOfFourEntriesLoadsFourWalkableAddresses() {
    network.loadSnapshot(HexFormat.of().parseHex(FOUR_ENTRIES));

    assertEquals(FOUR_ADDRESSES, network.getWalkableAddresses());
    assertEquals(List.of(), network.verifiedPeers());
  }

  @Test
  void anEmptySnapshotLoadsNothing() {
    network.loadSnapshot(new byte[0]);
    assertEquals(List.of(), network.getWalkableAddresses());
  }

  @Test
  void aMalformedSnapshotLoadsNothing() {
    network.loadSnapshot(HexFormat.of().parseHex("ff" + FOUR_ENTRIES));
    assertEquals(List.of(), network.getWalkableAddresses());
  }

  @Test
  void aTruncatedSnapshotKeepsTheCompleteEntries() {
    String truncated = FOUR_ENTRIES.substring(0, FOUR_ENTRIES.length() - 2);
    network.loadSnapshot(HexFormat.of().parseHex(truncated));
    assertEquals(FOUR_ADDRESSES.subList(0, 3), network.getWalkableAddresses());
  }

  @Test
  void aSnapshotRoundTripsThroughAnotherNetwork() {
    for (Peer peer : peers) {
      network.addVerifiedPeer(peer);
    }
    Network other = new Network();
    other.loadSnapshot(network.snapshot());

    assertEquals(peers.stream().map(Peer::address).toList(), other.getWalkableAddresses());
  }

  // ---------------------------------------------------------------------------------------------
  // observers

  @Test
  void observersCanBeAddedAndRemoved() {
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.addVerifiedPeer(p(0));
    network.removePeerObserver(r);
    network.removePeerObserver(r);
    network.addVerifiedPeer(p(1));

    assertEquals(List.of("+" + p(0).address()), r.events);
  }

  @Test
  void observersHearOfADirectAddition() {
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.addVerifiedPeer(p(0));
    network.addVerifiedPeer(p(0));

    assertEquals(List.of("+" + p(0).address()), r.events);
  }

  @Test
  void observersHearOfAnIntroducer() {
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.discoverAddress(p(0), p(1).address(), null, false);

    assertEquals(List.of("+" + p(0).address()), r.events);
  }

  @Test
  void observersHearOfAPromotedKnownAddress() {
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.discoverAddress(p(0), p(1).address(), null, false);
    network.addVerifiedPeer(p(1));

    assertEquals(List.of("+" + p(0).address(), "+" + p(1).address()), r.events);
  }

  @Test
  void observersHearOfRemovePeer() {
    network.addVerifiedPeer(p(0));
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.removePeer(p(0));
    network.removePeer(p(0));

    assertEquals(List.of("-" + p(0).address()), r.events);
  }

  @Test
  void observersHearOfRemoveByAddress() {
    network.addVerifiedPeer(p(0));
    Recorder r = new Recorder();
    network.addPeerObserver(r);
    network.removeByAddress(p(0).address());

    assertEquals(List.of("-" + p(0).address()), r.events);
  }

  @Test
  void removingASharedAddressRemovesEveryPeerUsingIt() {
    Peer a = FakeKeys.peer(10, "7.7.7.7", 7);
    Peer b = FakeKeys.peer(11, "7.7.7.7", 7);
    network.addVerifiedPeer(a);
    network.addVerifiedPeer(b);
    Recorder r = new Recorder();
    network.addPeerObserver(r);

    network.removeByAddress(Address.ipv4("7.7.7.7", 7));

    assertEquals(2, r.events.size());
    assertEquals(List.of(), network.verifiedPeers());
  }

  // ---------------------------------------------------------------------------------------------
  // blacklist, service overlays, misc

  @Test
  void theBlacklistHasNoDuplicatesAndIgnoresTheAddressKind() {
    network.addToBlacklist(Address.ipv4("1.1.1.1", 1));
    network.addToBlacklist(Address.lan("1.1.1.1", 1));

    assertEquals(1, network.blacklist().size());
    assertTrue(network.isBlacklisted(Address.lan("1.1.1.1", 1)));
    assertFalse(network.isBlacklisted(Address.ipv4("1.1.1.1", 2)));
  }

  @Test
  void serviceProvidersAreKeptInRegistrationOrder() {
    FakeOverlay first = new FakeOverlay(network, 1);
    FakeOverlay second = new FakeOverlay(network, 2);
    network.registerServiceProvider(SERVICE_2, first);
    network.registerServiceProvider(SERVICE_1, second);

    assertEquals(List.of(SERVICE_2, SERVICE_1), List.copyOf(network.serviceOverlays().keySet()));
    assertSame(second, network.serviceOverlays().get(SERVICE_1));
  }

  @Test
  void aCacheCapacityBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Network(0));
  }
}
