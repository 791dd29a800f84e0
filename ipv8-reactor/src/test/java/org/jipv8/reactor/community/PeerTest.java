package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.discovery.FakeKeys;
import org.junit.jupiter.api.Test;

/** Mirrors py-ipv8's test_peer.py (runtime.md 11.2) for the Peer the Network stores. */
class PeerTest {
  private final AtomicLong clock = new AtomicLong(5_000);
  private final Peer peer = new Peer(FakeKeys.key(1), Address.ipv4("1.2.3.4", 5), true, clock::get);

  @Test
  void theLamportClockStartsAtZero() {
    assertEquals(0, peer.lamportTimestamp());
  }

  @Test
  void theLamportClockIncreases() {
    peer.updateClock(1);
    assertEquals(1, peer.lamportTimestamp());
    assertEquals(2, peer.claimGlobalTime());
  }

  @Test
  void theLamportClockNeverDecreases() {
    peer.updateClock(5);
    peer.updateClock(3);
    assertEquals(5, peer.lamportTimestamp());
  }

  @Test
  void updatingTheClockMarksThePeerAsJustHeardFrom() {
    assertEquals(0, peer.lastResponse());
    clock.set(7_000);
    peer.updateClock(1);
    assertEquals(7_000, peer.lastResponse());
  }

  @Test
  void peersAreEqualByKeyOnly() {
    Peer sameKey = new Peer(FakeKeys.key(1), Address.ipv4("9.9.9.9", 9), false, clock::get);
    Peer otherKey = new Peer(FakeKeys.key(2), Address.ipv4("1.2.3.4", 5), false, clock::get);

    assertEquals(peer, sameKey);
    assertEquals(peer.hashCode(), sameKey.hashCode());
    assertNotEquals(peer, otherKey);
  }

  @Test
  void withoutPingsMedianAndAverageAreNull() {
    assertNull(peer.medianPing());
    assertNull(peer.averagePing());
  }

  @Test
  void theMedianOfAnOddNumberOfPingsIsTheMiddleOne() {
    peer.addPing(2.0);
    peer.addPing(9.0);
    peer.addPing(1.0);
    assertEquals(2.0, peer.medianPing());
  }

  @Test
  void theMedianOfAnEvenNumberOfPingsAveragesTheMiddleTwo() {
    peer.addPing(2.0);
    peer.addPing(9.0);
    peer.addPing(1.0);
    peer.addPing(4.0);
    assertEquals(3.0, peer.medianPing());
  }

  @Test
  void theAverageIsTheMean() {
    peer.addPing(1.0);
    peer.addPing(2.0);
    peer.addPing(6.0);
    assertEquals(3.0, peer.averagePing());
  }

  @Test
  void onlyTheFiveLatestPingsAreKept() {
    for (int i = 1; i <= 6; i++) {
      peer.addPing(i);
    }
    assertEquals(5, peer.pings().size());
    assertEquals(2.0, peer.pings().get(0));
  }

  @Test
  void theTextFormShowsAddressAndBase64Mid() {
    assertEquals(
        "Peer<1.2.3.4:5, " + Base64.getEncoder().encodeToString(peer.mid()) + ">", peer.toString());
  }

  @Test
  void theAddressComesFromTheConstructorOrAddAddress() {
    assertEquals(Address.ipv4("1.2.3.4", 5), peer.address());
    peer.addAddress(Address.ipv4("4.3.2.1", 6));
    assertEquals(Address.ipv4("4.3.2.1", 6), peer.address());
  }

  @Test
  void ipv6IsPreferredWhateverTheInsertionOrder() {
    Peer a = new Peer(FakeKeys.key(3), null, true, clock::get);
    a.addAddress(Address.ipv4("1.1.1.1", 1));
    a.addAddress(Address.ipv6("::2", 2));
    Peer b = new Peer(FakeKeys.key(4), null, true, clock::get);
    b.addAddress(Address.ipv6("::2", 2));
    b.addAddress(Address.ipv4("1.1.1.1", 1));

    assertEquals(Address.ipv6("::2", 2), a.address());
    assertEquals(Address.ipv6("::2", 2), b.address());
  }

  @Test
  void aFrozenAddressIgnoresAddAddress() {
    peer.freezeAddress(true);
    peer.addAddress(Address.ipv4("4.3.2.1", 6));
    assertEquals(Address.ipv4("1.2.3.4", 5), peer.address());
  }

  @Test
  void withoutAddressesThePreferredAddressIsTheNullAddress() {
    Peer nowhere = new Peer(FakeKeys.key(5), null, true, clock::get);
    assertEquals(Address.NULL, nowhere.address());
  }

  @Test
  void aLanHintIsNeverPreferredButAConstructionLanAddressIsTheFallback() {
    Peer lanOnly = new Peer(FakeKeys.key(6), Address.lan("10.0.0.1", 1), true, clock::get);
    assertEquals(Address.lan("10.0.0.1", 1), lanOnly.address());

    lanOnly.putAddress(Address.ipv4("8.8.8.8", 8));
    assertEquals(Address.ipv4("8.8.8.8", 8), lanOnly.address());
  }

  @Test
  void recordingTheAddressASlotHoldsKeepsTheSameMapAndTellsNoWatcher() {
    List<Peer> told = new ArrayList<>();
    Peer.AddressWatcher w = told::add;
    peer.watchAddresses(w);
    peer.watchAddresses(w);
    Map<AddressKind, Address> before = peer.addresses();
    Address preferred = peer.address();
    peer.addAddress(Address.ipv4("1.2.3.4", 5));
    peer.putAddress(Address.ipv4("1.2.3.4", 5));
    assertSame(before, peer.addresses());
    assertSame(preferred, peer.address());
    assertEquals(List.of(), told);
    // The same host and port as a LAN hint is another slot: a change.
    peer.addAddress(Address.lan("1.2.3.4", 5));
    assertEquals(List.of(peer), told);
    assertEquals(Address.lan("1.2.3.4", 5), peer.lanAddress());
    peer.addAddress(Address.ipv4("1.2.3.4", 6));
    assertEquals(List.of(peer, peer), told);
    assertEquals(Address.ipv4("1.2.3.4", 6), peer.address());
    peer.unwatchAddresses(w);
    peer.unwatchAddresses(w);
    peer.addAddress(Address.ipv4("1.2.3.4", 7));
    assertEquals(2, told.size());
  }

  @Test
  void aFrozenPeerIgnoresAddAddressAndTellsNoWatcher() {
    List<Peer> told = new ArrayList<>();
    peer.watchAddresses(told::add);
    peer.freezeAddress(true);
    peer.addAddress(Address.ipv4("9.9.9.9", 9));
    assertEquals(Address.ipv4("1.2.3.4", 5), peer.address());
    assertEquals(List.of(), told);
  }
}
