package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message whose global time is 2^63 or more must not stop a node from walking. The clock is
 * unsigned on the wire; introduction identifiers and their global-time field are the claimed clock
 * mod 65536 taken as unsigned, exactly as py-ipv8 computes them with its unbounded integers.
 */
class HugeGlobalTimeTest {

  static final CommunityId ID = CommunityId.fromHex("00000000000000000000000000000000000000aa");

  /** A signed message that carries a global time, raising the receiver's clock like py-ipv8's. */
  @Message(id = 1)
  record Tick(@Format("Q") long counter) {}

  /** A community whose handler merges received clocks, as the interop community does. */
  static final class ClockCommunity extends Community {
    ClockCommunity(CommunitySettings settings) {
      super(ID, settings);
      addReceivedHandler(Tick.class, r -> myPeer().updateClock(r.globalTime()));
    }
  }

  private static List<Sent> sentWithId(TestNetwork net, int id) {
    return net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == id).toList();
  }

  @ParameterizedTest(name = "clock {0}")
  @ValueSource(longs = {Long.MIN_VALUE, -1L, Long.MIN_VALUE + 0xfffeL})
  void aNodeThatReceivedAHugeClockKeepsWalkingAndAnswersAsPyIpv8(long hugeClock) {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode a = net.node();
      TestNode b = net.node();
      TestNode attacker = net.node();
      ClockCommunity ca = a.add(ClockCommunity::new);
      ClockCommunity cb = b.add(ClockCommunity::new);
      attacker.add(ClockCommunity::new);
      TestNode d = net.node();
      ClockCommunity cd = d.add(ClockCommunity::new);

      byte[] poison =
          Packets.encode(ca.prefix(), new Tick(7), attacker.myPeer().privateKey(), hugeClock);
      net.internet().clearLog();
      net.run(() -> attacker.endpoint().send(a.wan(), poison));
      net.advance();
      assertEquals(hugeClock, a.myPeer().lamportTimestamp(), "the clock took the received value");

      net.internet().clearLog();
      net.run(() -> ca.walkTo(b.wan()));
      net.advance();

      long expected = Integer.toUnsignedLong((int) ((hugeClock + 1) & 0xFFFF));
      List<Sent> requests = sentWithId(net, 246);
      assertFalse(requests.isEmpty(), "the poisoned node still sends introduction-requests");
      Decoded<IntroductionRequestPayload> request =
          Packets.decode(requests.get(0).data(), IntroductionRequestPayload.class);
      assertEquals(expected, request.globalTime(), "request global time = claim mod 65536");
      assertEquals(expected, request.payload().identifier(), "identifier = claim mod 65536");

      List<Sent> responses = sentWithId(net, 245);
      assertFalse(responses.isEmpty(), "the other node answers the poisoned node");
      Decoded<IntroductionResponsePayload> response =
          Packets.decode(responses.get(0).data(), IntroductionResponsePayload.class);
      assertEquals(expected, response.payload().identifier(), "the response echoes the identifier");
      assertTrue(cb.getPeers().size() == 1 && ca.getPeers().size() == 1, "they know each other");

      // The poisoned node's own responses carry a small global time too, as py-ipv8's do.
      net.internet().clearLog();
      net.run(() -> cd.walkTo(a.wan()));
      net.advance();
      List<Sent> ownResponses =
          sentWithId(net, 245).stream().filter(s -> s.from().equals(a.wan())).toList();
      assertFalse(ownResponses.isEmpty(), "the poisoned node answers a new node");
      Decoded<IntroductionResponsePayload> own =
          Packets.decode(ownResponses.get(0).data(), IntroductionResponsePayload.class);
      assertTrue(
          own.globalTime() >= 0 && own.globalTime() < 65536,
          "response global time is reduced mod 65536, was "
              + Long.toUnsignedString(own.globalTime()));
    }
  }
}
