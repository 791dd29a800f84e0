package org.jipv8.examples.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.sim.LinkConditions;
import org.jipv8.testkit.TestNetwork;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The reactive example on the test kit: simulated network, virtual time. */
class KeyValueCommunityTest {

  private static TestNetwork<KeyValueCommunity> network(int nodes) {
    return TestNetwork.of(KeyValueCommunity.class, KeyValueCommunity::new).nodes(nodes).start();
  }

  private static <T> T await(TestNetwork<?> net, reactor.core.publisher.Mono<T> mono) {
    List<T> out = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    mono.subscribe(out::add, errors::add);
    net.deliverAll();
    if (!errors.isEmpty()) {
      throw new AssertionError("failed", errors.get(0));
    }
    assertEquals(1, out.size(), "one value");
    return out.get(0);
  }

  // tag::kit[]
  @Test
  void aPutReachesEveryPeerAndAGetAsksOne() {
    try (TestNetwork<KeyValueCommunity> net = network(3)) {
      net.introduceAll();
      net.community(0).put("greeting", "hello").subscribe();
      net.deliverAll();
      for (KeyValueCommunity kv : net.communities()) {
        assertEquals(Optional.of("hello"), kv.local("greeting"));
      }

      Peer first = net.peer(2, 0);
      KeyValueCommunity third = net.community(2);
      assertEquals(
          Optional.of("hello"), await(net, third.get(first, "greeting", Duration.ofSeconds(1))));
      assertEquals(
          Optional.empty(), await(net, third.get(first, "nothing", Duration.ofSeconds(1))));
    }
  }

  // end::kit[]

  @Test
  void aGetToAPeerThatStoppedAnsweringTimesOut() {
    try (TestNetwork<KeyValueCommunity> net = network(2)) {
      net.introduceAll();
      net.setConditions(LinkConditions.PERFECT.withLossProbability(1.0));
      List<Throwable> errors = new ArrayList<>();
      net.community(1)
          .get(net.peer(1, 0), "k", Duration.ofSeconds(3))
          .subscribe(v -> {}, errors::add);
      net.advance(Duration.ofMillis(2_900));
      assertEquals(List.of(), errors);
      net.advance(Duration.ofMillis(200));
      assertEquals(1, errors.size());
      assertTrue(errors.get(0) instanceof TimeoutException, errors.get(0).toString());
    }
  }

  @Test
  void putsAreCountedPerPeerPerTenSecondWindow() {
    try (TestNetwork<KeyValueCommunity> net = network(3)) {
      net.introduceAll();
      List<Map<Peer, Long>> windows = new ArrayList<>();
      Disposable counting =
          Compositions.putsPerPeer(net.community(0), net.clock()).subscribe(windows::add);
      for (int i = 0; i < 3; i++) {
        net.community(1).put("k" + i, "v").subscribe();
      }
      net.community(2).put("other", "v").subscribe();
      net.advance(Duration.ofSeconds(10));
      net.community(2).put("later", "v").subscribe();
      net.advance(Duration.ofSeconds(10));
      counting.dispose();

      assertEquals(2, windows.size(), "two windows closed");
      assertEquals(Map.of(net.peer(0, 1), 3L, net.peer(0, 2), 1L), windows.get(0));
      assertEquals(Map.of(net.peer(0, 2), 1L), windows.get(1));
    }
  }

  @Test
  void eachNewPeerIsGreetedAndASilentOneIsSkipped() {
    try (TestNetwork<KeyValueCommunity> net = network(3)) {
      net.community(1).put("greeting", "hi from 1").subscribe();
      net.clock().advanceTime();
      List<String> greetings = new ArrayList<>();
      Compositions.greetNewPeers(net.community(0)).subscribe(greetings::add);
      net.introduceAll();
      net.advance(Duration.ofSeconds(3));
      assertEquals(2, greetings.size(), greetings.toString());
      assertTrue(greetings.contains(net.address(1) + " says hi from 1"), greetings.toString());
      assertTrue(greetings.contains(net.address(2) + " says nothing"), greetings.toString());
    }
  }
}
