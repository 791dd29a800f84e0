package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/** A user-defined community: handler registration and message exchange between two nodes. */
class UserMessagesTest {
  private static final CommunityId ID =
      CommunityId.fromHex("00112233445566778899aabbccddeeff00112233");

  @Message(id = 5)
  record Note(String text) {}

  @Message(id = 6, signed = false, globalTime = false)
  record Bare(@Format("Q") long value) {}

  record NotAMessage(int x) {}

  @Message(id = 231)
  record Reserved(int x) {}

  @Message(id = 300)
  record OutOfRange(int x) {}

  @Message(id = 5)
  record SameId(int x) {}

  /** Records every note with its context. */
  static final class Notes extends Community {
    final List<Received<Note>> notes = new ArrayList<>();
    final List<Received<Bare>> bares = new ArrayList<>();

    Notes(CommunitySettings settings) {
      super(ID, settings);
      addReceivedHandler(Note.class, notes::add);
      addReceivedHandler(Bare.class, bares::add);
    }

    void register(Runnable registration) {
      registration.run();
    }
  }

  private static Peer peerOf(TestNode node) {
    return new Peer(node.myPeer().publicKey(), node.wan(), true, () -> 0L);
  }

  @Test
  void twoNodesExchangeSignedAndUnsignedInteropMessages() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      InteropCommunity a = na.add(InteropCommunity::new);
      InteropCommunity b = nb.add(InteropCommunity::new);

      net.run(() -> a.sendNow(peerOf(nb), new InteropCommunity.Signed("hello ✓", 7)));
      net.run(() -> b.sendNow(na.wan(), new InteropCommunity.Unsigned("back", 8)));

      InteropCommunity.FromPeer got = b.signedReceived().get(0);
      assertEquals(new InteropCommunity.Signed("hello ✓", 7), got.message());
      assertEquals(na.myPeer().publicKey(), got.peer().publicKey());
      assertEquals(na.wan(), got.peer().address());
      InteropCommunity.FromAddress back = a.unsignedReceived().get(0);
      assertEquals(new InteropCommunity.Unsigned("back", 8), back.message());
      assertEquals(nb.wan(), back.source());
      assertEquals(1, a.statistics().sent(1).count());
      assertEquals(1, b.statistics().received(1).count());
    }
  }

  @Test
  void aContextHandlerSeesSignerSourceAndGlobalTime() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Notes a = na.add(Notes::new);
      Notes b = nb.add(Notes::new);
      na.myPeer().updateClock(41);

      net.run(() -> a.sendNow(nb.wan(), new Note("n")));
      net.run(() -> a.sendNow(nb.wan(), new Bare(-1)));

      Received<Note> note = b.notes.get(0);
      assertTrue(note.signed());
      assertEquals(na.myPeer().publicKey(), note.peer().publicKey());
      assertEquals(na.wan(), note.source());
      assertEquals(42, note.globalTime(), "send claims the next global time");
      assertEquals(new Note("n"), note.payload());
      Received<Bare> bare = b.bares.get(0);
      assertNull(bare.peer());
      assertEquals(0, bare.globalTime());
      assertEquals(-1, bare.payload().value());
      assertEquals(42, na.myPeer().lamportTimestamp(), "no global time claimed for Bare");
    }
  }

  @Test
  void registrationRejectsBadTypesAndDuplicatesWithClearMessages() {
    try (TestNetwork net = TestNetwork.create()) {
      Notes c = net.node().add(Notes::new);
      IllegalArgumentException noMessage =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.register(() -> c.addHandler(NotAMessage.class, (p, m) -> {})));
      assertTrue(noMessage.getMessage().contains("@Message"), noMessage.getMessage());
      IllegalArgumentException reserved =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.register(() -> c.addHandler(Reserved.class, (p, m) -> {})));
      assertTrue(reserved.getMessage().contains("0..230"), reserved.getMessage());
      IllegalArgumentException range =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.register(() -> c.addHandler(OutOfRange.class, (p, m) -> {})));
      assertTrue(range.getMessage().contains("outside 0..255"), range.getMessage());
      IllegalStateException duplicate =
          assertThrows(
              IllegalStateException.class,
              () -> c.register(() -> c.addHandler(SameId.class, (p, m) -> {})));
      assertTrue(duplicate.getMessage().contains("already has a handler"), duplicate.getMessage());
      IllegalArgumentException unsignedAsSigned =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.register(() -> c.addHandler(Bare.class, (p, m) -> {})));
      assertTrue(unsignedAsSigned.getMessage().contains("addUnsignedHandler"));
      IllegalArgumentException signedAsUnsigned =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.register(() -> c.addUnsignedHandler(SameId.class, (s, m) -> {})));
      assertTrue(signedAsUnsigned.getMessage().contains("addHandler"));
    }
  }

  @Test
  void thePrefixIsZeroVersionTwoAndTheId() {
    try (TestNetwork net = TestNetwork.create()) {
      Notes c = net.node().add(Notes::new);
      byte[] p = c.prefix();
      assertEquals(22, p.length);
      assertEquals(0, p[0]);
      assertEquals(2, p[1]);
      assertEquals(ID, new CommunityId(java.util.Arrays.copyOfRange(p, 2, 22)));
    }
  }

  @Test
  void aCommunityBlacklistsItsOwnMidAndRegistersItsService() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode n = net.node();
      Notes c = n.add(Notes::new);
      assertTrue(n.network().isBlacklistedMid(n.myPeer().mid()));
      assertTrue(n.network().serviceOverlays().get(ID) == c);
    }
  }
}
