package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.sim.MemoryInternet.Sent;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;

/**
 * Introduction hardening beyond py-ipv8 (issue 9 point 2): responses only as answers to our own
 * requests, max_peers for responses too, puncture-requests rate-limited, unanswered requests
 * retried; and {@code introduction_hardening: false} restores py-ipv8's behaviour.
 */
class IntroductionHardeningTest {
  private static final Address ATTACKER = Address.ipv4("127.0.9.9", 9999);

  private static byte[] response(PrivateKey signer, Address to, Address introduced, int id) {
    IntroductionResponsePayload p =
        new IntroductionResponsePayload(
            to,
            ATTACKER,
            ATTACKER,
            Address.NULL,
            introduced,
            new Bits(IntroductionResponsePayload.SUPPORTS_NEW_STYLE),
            id,
            new byte[0]);
    return Packets.encode(InteropCommunity.ID.prefix(), p, signer, id);
  }

  private static void flood500Responses(TestNetwork net, TestNode b)
      throws NoSuchAlgorithmException {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(3);
    for (int i = 0; i < 500; i++) {
      PrivateKey k = Keys.generate(KeyType.CURVE25519, r);
      Address from = Address.ipv4("127.5." + (i / 250) + "." + (1 + i % 250), 7000);
      b.endpoint()
          .inject(from, response(k, b.wan(), Address.ipv4("127.6.0." + (1 + i % 250), 1), i));
    }
    net.advance();
  }

  @Test
  void fiveHundredUnsolicitedResponsesFromFreshKeysAddNoPeerAndNoWalkableAddress()
      throws NoSuchAlgorithmException {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = net.node();
      InteropCommunity cb = b.add(InteropCommunity::new);
      flood500Responses(net, b);
      System.out.printf(
          "introduction flood (hardened): peers %d, walkable %d, drops %s%n",
          cb.getPeers().size(), cb.getWalkableAddresses().size(), cb.statistics().drops());
      assertEquals(0, cb.getPeers().size());
      assertEquals(0, cb.getWalkableAddresses().size(), "the walk is not steered");
      assertEquals(500, cb.statistics().drops(DropReason.UNSOLICITED_RESPONSE, 245));
    }
  }

  @Test
  void withHardeningOffTheFloodBehavesAsPyIpv8() throws NoSuchAlgorithmException {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = net.node();
      InteropCommunity cb =
          b.add(s -> s.extra(Map.of("introduction_hardening", false)), InteropCommunity::new);
      flood500Responses(net, b);
      System.out.printf(
          "introduction flood (py-ipv8 behaviour): peers %d, walkable %d%n",
          cb.getPeers().size(), cb.getWalkableAddresses().size());
      assertEquals(500, cb.getPeers().size(), "py-ipv8 3.1 takes them all");
    }
  }

  @Test
  void aResponseToOurRequestIsAcceptedAndMaxPeersHoldsForResponses() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode a = net.node();
      InteropCommunity ca = a.add(s -> s.maxPeers(2), InteropCommunity::new);
      List<TestNode> others = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        TestNode n = net.node();
        n.add(InteropCommunity::new);
        others.add(n);
      }
      for (TestNode n : others) {
        net.run(() -> ca.walkTo(n.wan()));
        net.advance();
      }
      assertEquals(2, ca.getPeers().size(), "max_peers 2 holds for responses");
      assertEquals(2, ca.statistics().drops(DropReason.PEER_LIMIT, 245));
      assertEquals(0, ca.statistics().drops(DropReason.UNSOLICITED_RESPONSE));
    }
  }

  @Test
  void aRepeatedResponseIsUnsolicitedTheSecondTime() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode a = net.node();
      TestNode b = net.node();
      InteropCommunity ca = a.add(InteropCommunity::new);
      b.add(InteropCommunity::new);
      net.internet().clearLog();
      net.run(() -> ca.walkTo(b.wan()));
      net.advance();
      Sent resp =
          net.internet().sent().stream()
              .filter(s -> (s.data()[22] & 0xff) == 245)
              .findFirst()
              .get();
      a.endpoint().inject(b.wan(), resp.data());
      net.advance();
      assertEquals(1, ca.statistics().drops(DropReason.UNSOLICITED_RESPONSE, 245));
      assertEquals(1, ca.getPeers().size());
    }
  }

  @Test
  void punctureRequestsAreRateLimitedPerTargetAndPerSource() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode b = net.node();
      InteropCommunity cb = b.add(InteropCommunity::new);
      Address victim = Address.ipv4("127.7.0.1", 80);
      byte[] reflect =
          Packets.encode(cb.prefix(), new PunctureRequestPayload(victim, victim, 1), null, 1);
      net.internet().clearLog();
      for (int i = 0; i < 100; i++) {
        b.endpoint().inject(ATTACKER, reflect);
      }
      net.advance();
      long toVictim = net.internet().sent().stream().filter(s -> s.to().equals(victim)).count();
      System.out.printf("puncture reflection: 100 requests, %d punctures sent%n", toVictim);
      assertEquals(3, toVictim, "3 punctures per target per second");
      assertEquals(97, cb.statistics().drops(DropReason.RATE_LIMITED, 250));
      net.advance(Duration.ofSeconds(1));
      b.endpoint().inject(ATTACKER, reflect);
      net.advance();
      assertEquals(
          4, net.internet().sent().stream().filter(s -> s.to().equals(victim)).count(), "refills");
    }
  }

  @Test
  void anUnansweredRequestIsRetriedThreeTimesThenGivenUp() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode a = net.node();
      Community ca = a.add(InteropCommunity::new);
      Address nobody = Address.ipv4("127.8.0.1", 1);
      net.internet().clearLog();
      net.run(() -> ca.walkTo(nobody));
      net.advance(Duration.ofSeconds(10));
      List<Sent> sent = net.internet().sent().stream().filter(s -> s.to().equals(nobody)).toList();
      assertEquals(4, sent.size(), "the request and three retries");
      assertTrue(
          java.util.Arrays.equals(sent.get(0).data(), sent.get(3).data()),
          "a retry repeats the same datagram (same identifier)");
    }
  }
}
