package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A started node's network belongs to the node's own protocol thread: its mutators refuse other
 * threads (assertions are on in tests) and other threads read its published view. Before the start,
 * and with a protocol scheduler the caller supplied, nothing is bound. Real sockets on 127.0.0.1
 * (the node opens one), bounded by timeouts.
 */
@Timeout(60)
class Ipv8NetworkConfinementTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Ipv8Builder node() {
    return Ipv8.builder()
        .configuration(Nodes.interop(0, 1, List.of()))
        .overlay(InteropCommunity.class, InteropCommunity::new)
        .loopbackOnly(true);
  }

  private static Peer stranger(int port) {
    return new Peer(
        Keys.generate(KeyType.CURVE25519).publicKey(),
        Address.ipv4("127.0.0.1", port),
        true,
        () -> 0L);
  }

  @Test
  void afterTheStartOnlyTheProtocolThreadChangesTheNetworkAndOthersReadItsView() {
    Ipv8 node = node().build();
    // Built, not started: the building thread may still set the network up.
    node.network().addVerifiedPeer(stranger(1));
    node.startNow(WAIT);
    try {
      assertTrue(node.network().confinement().isBound());
      Peer second = stranger(2);
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> node.network().addVerifiedPeer(second));
      assertTrue(refused.getMessage().contains("protocol thread"), refused.getMessage());
      assertFalse(node.network().isVerified(second));

      Mono.fromRunnable(() -> node.network().addVerifiedPeer(second))
          .subscribeOn(node.protocolScheduler())
          .block(WAIT);
      // Read from this thread: the view published by the protocol thread's change.
      assertTrue(node.network().isVerified(second));
      assertEquals(second, node.network().getVerifiedByAddress(Address.ipv4("127.0.0.1", 2)));
    } finally {
      node.stopNow(WAIT);
    }
  }

  @Test
  void aProtocolSchedulerOfTheCallersOwnIsNotBound() {
    var protocol = Schedulers.newSingle("callers-protocol", true);
    Ipv8 node = node().protocolScheduler(protocol).build();
    node.startNow(WAIT);
    try {
      assertFalse(node.network().confinement().isBound());
      Peer third = stranger(3);
      node.network().addVerifiedPeer(third);
      assertTrue(node.network().isVerified(third));
    } finally {
      node.stopNow(WAIT);
      protocol.dispose();
    }
  }
}
