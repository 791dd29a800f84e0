package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Routing of one endpoint's datagrams to communities by prefix (runtime.md section 9.1). */
class PrefixRouterTest {
  private static final Address SOURCE = Address.ipv4("127.0.0.5", 5);
  private static final byte[] P1 =
      CommunityId.fromHex("1111111111111111111111111111111111111111").prefix();
  private static final byte[] P2 =
      CommunityId.fromHex("2222222222222222222222222222222222222222").prefix();

  private static byte[] packet(byte[] prefix, int id) {
    byte[] p = new byte[30];
    System.arraycopy(prefix, 0, p, 0, 22);
    p[22] = (byte) id;
    return p;
  }

  private static MemoryEndpoint endpoint() {
    MemoryInternet internet = new MemoryInternet(VirtualTimeScheduler.create());
    return internet.endpoint(Address.ipv4("127.0.0.1", 1), Address.ipv4("127.0.0.2", 2)).openNow();
  }

  @Test
  void datagramsGoToTheirPrefixAndGeneralListenersSeeEachOnce() {
    MemoryEndpoint endpoint = endpoint();
    PrefixRouter router = PrefixRouter.create(endpoint);
    List<String> seen = new ArrayList<>();
    router.register(P1, d -> seen.add("p1a:" + d.data()[22]));
    router.register(P1, d -> seen.add("p1b:" + d.data()[22]));
    router.register(P2, d -> seen.add("p2:" + d.data()[22]));
    router.addGeneralListener(d -> seen.add("all:" + d.length()));

    endpoint.inject(SOURCE, packet(P1, 1));
    endpoint.inject(SOURCE, packet(P2, 2));
    endpoint.inject(SOURCE, packet(new byte[22], 3));
    endpoint.inject(SOURCE, new byte[5]);

    assertEquals(List.of("p1a:1", "p1b:1", "all:30", "p2:2", "all:30", "all:30", "all:5"), seen);
    assertEquals(1L, router.drops().get(DropReason.UNKNOWN_PREFIX));
    assertEquals(1L, router.drops().get(DropReason.TOO_SHORT));
    assertEquals(2, router.routed());
  }

  @Test
  void theEndOfARunIsCalledOnceForEachPrefixItReachedAfterAllItsDatagrams() {
    MemoryEndpoint endpoint = endpoint();
    PrefixRouter router = PrefixRouter.create(endpoint);
    List<String> seen = new ArrayList<>();
    router.register(P1, d -> seen.add("p1:" + d.data()[22]), () -> seen.add("end p1"));
    router.register(P1, d -> seen.add("p1 plain:" + d.data()[22]));
    router.register(P2, d -> seen.add("p2:" + d.data()[22]), () -> seen.add("end p2"));

    endpoint.injectRun(
        SOURCE, List.of(packet(P1, 1), packet(P2, 2), packet(P1, 3), packet(new byte[22], 4)));
    assertEquals(
        List.of("p1:1", "p1 plain:1", "p2:2", "p1:3", "p1 plain:3", "end p1", "end p2"), seen);

    seen.clear();
    endpoint.injectRun(SOURCE, List.of(packet(P2, 5), packet(new byte[22], 6)));
    router.route(new Datagram(SOURCE, packet(P1, 7)));
    assertEquals(List.of("p2:5", "end p2", "p1:7", "p1 plain:7", "end p1"), seen);
    assertEquals(2L, router.drops().get(DropReason.UNKNOWN_PREFIX));
  }

  @Test
  void aThrowingEndOfARunDoesNotStopTheOtherPrefixesNorTheStream() {
    MemoryEndpoint endpoint = endpoint();
    PrefixRouter router = PrefixRouter.create(endpoint);
    List<String> seen = new ArrayList<>();
    router.register(
        P1,
        d -> seen.add("p1"),
        () -> {
          throw new IllegalStateException("boom");
        });
    Disposable p2 = router.register(P2, d -> seen.add("p2"), () -> seen.add("end p2"));
    endpoint.injectRun(SOURCE, List.of(packet(P1, 1), packet(P2, 2)));
    p2.dispose();
    endpoint.injectRun(SOURCE, List.of(packet(P1, 1), packet(P2, 2)));
    assertEquals(List.of("p1", "p2", "end p2", "p1"), seen);
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthersNorTheStream() {
    MemoryEndpoint endpoint = endpoint();
    PrefixRouter router = PrefixRouter.create(endpoint);
    List<Datagram> seen = new ArrayList<>();
    router.register(
        P1,
        d -> {
          throw new IllegalStateException("boom");
        });
    router.register(P1, seen::add);
    endpoint.inject(SOURCE, packet(P1, 1));
    endpoint.inject(SOURCE, packet(P1, 2));
    assertEquals(2, seen.size());
  }

  @Test
  void aDisposedRegistrationNoLongerReceives() {
    MemoryEndpoint endpoint = endpoint();
    PrefixRouter router = PrefixRouter.create(endpoint);
    List<Datagram> seen = new ArrayList<>();
    Disposable registration = router.register(P1, seen::add);
    endpoint.inject(SOURCE, packet(P1, 1));
    registration.dispose();
    endpoint.inject(SOURCE, packet(P1, 2));
    assertEquals(1, seen.size());
    assertEquals(1L, router.drops().get(DropReason.UNKNOWN_PREFIX));
  }

  @Test
  void aRouterIsOwnedByItsCreatorAndPrefixesHave22Bytes() {
    MemoryEndpoint endpoint = endpoint();
    assertNotSame(PrefixRouter.create(endpoint), PrefixRouter.create(endpoint), "no registry");
    assertSame(endpoint, PrefixRouter.create(endpoint).endpoint());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PrefixRouter.create(endpoint).register(new byte[21], d -> {}));
    assertEquals("a community prefix has exactly 22 bytes, got 21", e.getMessage());
  }
}
