package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.bootstrap.BootstrapServer;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole nodes over real UDP sockets on 127.0.0.1 (the socket is what is tested here). */
@Timeout(60)
class Ipv8LoopbackTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<Ipv8> nodes = new ArrayList<>();
  private BootstrapServer tracker;

  private Ipv8 start(Ipv8Builder builder) {
    Ipv8 node =
        builder.overlay(InteropCommunity.class, InteropCommunity::new).loopbackOnly(true).build();
    nodes.add(node);
    return node.startNow(Duration.ofSeconds(10));
  }

  @AfterEach
  void stopAll() {
    nodes.forEach(n -> n.stopNow(Duration.ofSeconds(10)));
    if (tracker != null) {
      tracker.stop().block(Duration.ofSeconds(10));
    }
  }

  @Test
  void twoNodesDiscoverEachOtherAndExchangeASignedMessage() {
    Ipv8 a = start(Ipv8.builder().configuration(Nodes.interop(0, 1, List.of())));
    Ipv8 b = start(Ipv8.builder().configuration(Nodes.interop(0, 1, List.of())));
    InteropCommunity ca = a.getOverlay(InteropCommunity.class);
    InteropCommunity cb = b.getOverlay(InteropCommunity.class);
    Address addressOfA = a.endpoint().localAddress();
    b.protocolScheduler().schedule(() -> cb.walkTo(addressOfA));
    Nodes.await(
        () -> ca.getPeers().size() == 1 && cb.getPeers().size() == 1, WAIT, "mutual discovery");

    Peer aSeenByB = cb.getPeers().get(0);
    assertEquals(a.keys().get("me"), aSeenByB);
    b.protocolScheduler()
        .schedule(() -> cb.sendNow(aSeenByB, new InteropCommunity.Signed("hello", 7)));
    Nodes.await(() -> ca.signedReceived().size() == 1, WAIT, "the signed message");
    InteropCommunity.FromPeer got = ca.signedReceived().get(0);
    assertEquals("hello", got.message().text());
    assertEquals(7, got.message().counter());
    assertEquals(b.keys().get("me"), got.peer());
  }

  @Test
  void threeNodesFindEachOtherThroughALocalBootstrapServer() {
    UdpEndpoint trackerEndpoint =
        UdpEndpoint.builder()
            .host("127.0.0.1")
            .port(0)
            .loopbackGuard(LoopbackGuard.enabled())
            .build();
    tracker = BootstrapServer.builder().endpoint(trackerEndpoint).build();
    tracker.start().block(Duration.ofSeconds(10));
    int trackerPort = tracker.address().port();
    List<InteropCommunity> communities = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Ipv8 n =
          start(
              Ipv8.builder()
                  .configuration(Nodes.interop(0, 2, List.of(Nodes.tracker(trackerPort, 0.5)))));
      communities.add(n.getOverlay(InteropCommunity.class));
    }
    Nodes.await(
        () -> communities.stream().allMatch(c -> c.getPeers().size() >= 2), WAIT, "2 peers each");
    for (InteropCommunity c : communities) {
      assertFalse(
          c.getPeers().stream().anyMatch(p -> p.address().port() == trackerPort),
          "the tracker is never a peer");
    }
  }

  @Test
  void aStoppedNodeReleasesItsPortAndANewNodeCanBindIt() {
    Ipv8 first = start(Ipv8.builder().configuration(Nodes.interop(0, 1, List.of())));
    int port = first.endpoint().localAddress().port();
    first.stopNow(Duration.ofSeconds(10));
    assertFalse(first.isRunning());
    assertFalse(first.endpoint().isOpen());

    Ipv8 second = start(Ipv8.builder().configuration(Nodes.interop(port, 1, List.of())));
    assertEquals(port, second.endpoint().localAddress().port());
    assertTrue(second.isRunning());
    second.stopNow(Duration.ofSeconds(10));

    Ipv8 third = start(Ipv8.builder().configuration(Nodes.interop(port, 1, List.of())));
    assertEquals(port, third.endpoint().localAddress().port());
  }
}
