package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.junit.jupiter.api.Test;

/** LAN address discovery (runtime.md section 9.7). */
class LanAddressProviderTest {

  @Test
  void theSystemProviderNeverReportsLoopbackOrWildcardAddresses() {
    List<String> addresses = LanAddressProvider.system().lanAddresses();
    for (String a : addresses) {
      assertFalse(LanAddressProvider.EXCLUDED.contains(a), a);
      assertFalse(a.contains("%"), "zone ids are stripped: " + a);
    }
    int firstV6 = addresses.size();
    for (int i = 0; i < addresses.size(); i++) {
      if (addresses.get(i).contains(":")) {
        firstV6 = Math.min(firstV6, i);
      } else {
        assertTrue(i < firstV6, "IPv4 addresses come first");
      }
    }
  }

  @Test
  void fixedAndNoneProvidersAnswerWhatTheySay() {
    assertEquals(List.of("10.0.0.5"), LanAddressProvider.fixed("10.0.0.5").lanAddresses());
    assertTrue(LanAddressProvider.none().lanAddresses().isEmpty());
  }

  @Test
  void aPeerOnOurOwnHostIsIntroducedWithOurWanIpAndItsPort() {
    try (var net = TestNetwork.create()) {
      var na = net.node();
      var nb = net.node();
      var nc = net.node();
      var a = na.add(InteropCommunity::new);
      // b believes c's address is one of its own interfaces: c runs on b's host.
      nb.add(s -> s.lanAddresses(LanAddressProvider.fixed(nc.wan().host())), InteropCommunity::new);
      var c = new Peer(nc.myPeer().publicKey(), nc.wan(), true, () -> 0L);
      nb.network().addVerifiedPeer(c);
      nb.network().discoverServices(c, List.of(InteropCommunity.ID));
      net.run(() -> a.walkTo(nb.wan()));
      var response =
          net.internet().sent().stream().filter(s -> (s.data()[22] & 0xff) == 245).findFirst();
      var r =
          Packets.decode(response.orElseThrow().data(), IntroductionResponsePayload.class)
              .payload();
      assertEquals(nc.wan(), r.lanIntroductionAddress());
      assertEquals(Address.ipv4(nb.wan().host(), nc.wan().port()), r.wanIntroductionAddress());
    }
  }
}
