package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.ReplayWindow;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.InteropCommunity.Signed;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/**
 * Forged and replayed signed messages (wire-protocol.md section 3.4): a bad signature or a key that
 * did not sign is dropped and counted as {@code BAD_SIGNATURE}; a valid message from another
 * address is accepted, as py-ipv8 does; replays are accepted by default (py-ipv8 has no replay
 * protection) and refused once each with the opt-in {@link ReplayWindow}, counted as {@code
 * REPLAYED}.
 */
class ForgeryAndReplayTest {
  private static final Address ATTACKER = Address.ipv4("127.0.9.9", 9999);

  /** The interop community with a recording handler, optionally behind a replay window. */
  static final class Receiver extends Community {
    final List<Peer> from = new ArrayList<>();
    final List<Signed> got = new ArrayList<>();

    Receiver(CommunitySettings settings, ReplayWindow window) {
      super(InteropCommunity.ID, settings);
      if (window == null) {
        addHandler(Signed.class, this::record);
      } else {
        addReplayProtectedHandler(Signed.class, window, this::record);
      }
    }

    private void record(Peer peer, Signed m) {
      from.add(peer);
      got.add(m);
    }
  }

  private record Setup(TestNetwork net, TestNode a, TestNode b, Receiver receiver) {}

  private static Setup setup(ReplayWindow window) {
    TestNetwork net = TestNetwork.create();
    TestNode a = net.node();
    TestNode b = net.node();
    a.add(s -> new Receiver(s, null));
    Receiver r = b.add(s -> new Receiver(s, window));
    return new Setup(net, a, b, r);
  }

  private static byte[] signedBy(TestNode signer, long globalTime, String text) {
    return Packets.encode(
        InteropCommunity.ID.prefix(),
        new Signed(text, globalTime),
        signer.myPeer().privateKey(),
        globalTime);
  }

  @Test
  void aTamperedSignatureOrPayloadIsDroppedAsBadSignature() {
    Setup s = setup(null);
    try (TestNetwork net = s.net()) {
      byte[] sig = signedBy(s.a(), 5, "hello");
      sig[sig.length - 1] ^= 1;
      byte[] payload = signedBy(s.a(), 5, "hello");
      payload[payload.length - 70] ^= 0x40; // inside the text, before the 64-byte signature
      s.b().endpoint().inject(s.a().wan(), sig);
      s.b().endpoint().inject(s.a().wan(), payload);
      net.advance();
      assertTrue(s.receiver().got.isEmpty());
      assertEquals(2, s.receiver().statistics().drops(DropReason.BAD_SIGNATURE, 1));
    }
  }

  @Test
  void aKeyThatDidNotSignIsDroppedAsBadSignature() {
    Setup s = setup(null);
    try (TestNetwork net = s.net()) {
      byte[] p = signedBy(s.a(), 5, "hello");
      byte[] otherKey = Keys.generate(KeyType.CURVE25519).publicKey().toBin();
      System.arraycopy(otherKey, 0, p, 25, otherKey.length); // same length: only the key differs
      s.b().endpoint().inject(s.a().wan(), p);
      net.advance();
      assertTrue(s.receiver().got.isEmpty());
      assertEquals(1, s.receiver().statistics().drops(DropReason.BAD_SIGNATURE, 1));
    }
  }

  @Test
  void aValidMessageFromAnotherAddressIsAcceptedAsPyIpv8DoesAndItsSignerIsTheKeyNotTheAddress() {
    Setup s = setup(null);
    try (TestNetwork net = s.net()) {
      s.b().endpoint().inject(ATTACKER, signedBy(s.a(), 5, "relayed"));
      net.advance();
      assertEquals(1, s.receiver().got.size(), "accepted: the signature, not the address, counts");
      assertEquals(s.a().myPeer().publicKey(), s.receiver().from.get(0).publicKey());
      assertEquals(ATTACKER, s.receiver().from.get(0).address(), "seen at the relaying address");
    }
  }

  @Test
  void withoutAReplayWindowAReplayIsHandledAgainAsInPyIpv8() {
    Setup s = setup(null);
    try (TestNetwork net = s.net()) {
      byte[] p = signedBy(s.a(), 5, "once");
      s.b().endpoint().inject(s.a().wan(), p);
      s.b().endpoint().inject(ATTACKER, p);
      net.advance();
      assertEquals(2, s.receiver().got.size());
      assertEquals(0, s.receiver().statistics().drops(DropReason.REPLAYED));
    }
  }

  @Test
  void theReplayWindowRefusesEveryCopyAfterTheFirstFromAnyAddressAndCountsIt() {
    Setup s = setup(ReplayWindow.create(64, 16));
    try (TestNetwork net = s.net()) {
      byte[] p = signedBy(s.a(), 5, "once");
      s.b().endpoint().inject(s.a().wan(), p);
      s.b().endpoint().inject(s.a().wan(), p);
      s.b().endpoint().inject(ATTACKER, p);
      net.advance();
      assertEquals(1, s.receiver().got.size());
      assertEquals(2, s.receiver().statistics().drops(DropReason.REPLAYED, 1));
      assertEquals(1, s.receiver().statistics().handled(1));
    }
  }

  @Test
  void theReplayWindowAcceptsLateMessagesInsideItOnceAndRefusesOlderOnes() {
    Setup s = setup(ReplayWindow.create(64, 16));
    try (TestNetwork net = s.net()) {
      for (long t : new long[] {100, 98, 99, 98, 200, 150, 136, 137, 150}) {
        s.b().endpoint().inject(s.a().wan(), signedBy(s.a(), t, "t" + t));
      }
      net.advance();
      List<Long> accepted = s.receiver().got.stream().map(Signed::counter).toList();
      // 98 again: replay; 136: 64 below 200, outside; 150 again: replay.
      assertEquals(List.of(100L, 98L, 99L, 200L, 150L, 137L), accepted);
      assertEquals(3, s.receiver().statistics().drops(DropReason.REPLAYED, 1));
    }
  }

  @Test
  void eachSignerHasItsOwnWindow() {
    Setup s = setup(ReplayWindow.create(64, 16));
    try (TestNetwork net = s.net()) {
      TestNode c = net.node();
      s.b().endpoint().inject(s.a().wan(), signedBy(s.a(), 1000, "a"));
      s.b().endpoint().inject(c.wan(), signedBy(c, 5, "c"));
      net.advance();
      assertEquals(2, s.receiver().got.size(), "A's high clock does not shadow C's messages");
    }
  }

  @Test
  void aForgedHugeGlobalTimeCannotPushAPeersWindowAhead() {
    Setup s = setup(ReplayWindow.create(64, 16));
    try (TestNetwork net = s.net()) {
      byte[] forged = signedBy(s.a(), -1L, "forged");
      forged[forged.length - 1] ^= 1;
      s.b().endpoint().inject(ATTACKER, forged);
      s.b().endpoint().inject(s.a().wan(), signedBy(s.a(), 7, "real"));
      net.advance();
      assertEquals(List.of("real"), s.receiver().got.stream().map(Signed::text).toList());
      assertEquals(1, s.receiver().statistics().drops(DropReason.BAD_SIGNATURE, 1));
    }
  }

  @Test
  void windowArithmeticIsUnsignedAndBoundedInSigners() {
    PublicKey k = Keys.generate(KeyType.CURVE25519).publicKey();
    ReplayWindow w = ReplayWindow.create(128, 2);
    assertTrue(w.firstDelivery(k, Long.MAX_VALUE));
    assertTrue(w.firstDelivery(k, Long.MIN_VALUE), "2^63 is newer than 2^63-1");
    assertFalse(w.firstDelivery(k, Long.MAX_VALUE), "2^63-1 is a replay");
    assertTrue(w.firstDelivery(k, -1L), "2^64-1 is newer still");
    assertFalse(w.firstDelivery(k, 5), "5 is far below 2^64-1");
    for (int i = 0; i < 5; i++) {
      w.firstDelivery(Keys.generate(KeyType.CURVE25519).publicKey(), i);
    }
    assertEquals(2, w.size(), "at most maxPeers signers remembered");
    assertEquals(2, w.refused());
    assertThrows(IllegalArgumentException.class, () -> ReplayWindow.create(100, 1));
    assertThrows(IllegalArgumentException.class, () -> ReplayWindow.create(64, 0));
  }

  @Test
  void slidingAcrossWordBoundariesKeepsTheRightBits() {
    PublicKey k = Keys.generate(KeyType.CURVE25519).publicKey();
    ReplayWindow w = ReplayWindow.create(256, 4);
    for (long t = 1; t <= 300; t += 3) {
      assertTrue(w.firstDelivery(k, t), "first " + t);
    }
    for (long t = 298 - 255; t <= 298; t++) {
      boolean wasSent = (t - 1) % 3 == 0;
      assertEquals(!wasSent, w.firstDelivery(k, t), "time " + t);
    }
  }
}
