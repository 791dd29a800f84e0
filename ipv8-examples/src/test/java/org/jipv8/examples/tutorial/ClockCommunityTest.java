package org.jipv8.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.examples.tutorial.ClockCommunity.ClockMessage;
import org.jipv8.reactor.sim.NatType;
import org.jipv8.testkit.CapturedMessage;
import org.jipv8.testkit.TestNetwork;
import org.junit.jupiter.api.Test;

/** The tutorial's community on the test kit: whole nodes, simulated network, virtual time. */
class ClockCommunityTest {

  // tag::kit[]
  @Test
  void clocksMovePastEveryClockReceived() {
    try (TestNetwork<ClockCommunity> net =
        TestNetwork.of(ClockCommunity.class, ClockCommunity::new)
            .nodes(3)
            .overlay(d -> d.onStart(ClockCommunity::startTalking))
            .start()) {
      net.introduceAll();
      net.advance(Duration.ofSeconds(5));

      List<CapturedMessage<ClockMessage>> sent = net.capture().messages(ClockMessage.class);
      assertEquals(3 * 2 * 5, sent.size(), "each node sent its clock to 2 peers every second");
      for (ClockCommunity node : net.communities()) {
        assertTrue(node.clock() >= 5, "clock " + node.clock());
      }
    }
  }

  // end::kit[]

  // tag::knobs[]
  @Test
  void clocksStillMoveOnALossyNetworkWithANattedNode() {
    try (TestNetwork<ClockCommunity> net =
        TestNetwork.of(ClockCommunity.class, ClockCommunity::new)
            .nodes(4)
            .seed(7)
            .lossProbability(0.2)
            .latency(Duration.ofMillis(30), Duration.ofMillis(20))
            .behindNat(0, NatType.PORT_RESTRICTED)
            .overlay(d -> d.onStart(ClockCommunity::startTalking))
            .start()) {
      net.run(() -> net.community(0).walkTo(net.address(1)));
      net.introduceAll();
      net.advance(Duration.ofSeconds(20));

      assertTrue(net.community(0).received() > 0, "the natted node hears clocks");
      assertTrue(net.network().statistics().lost() > 0, "and the network lost some");
    }
  }
  // end::knobs[]
}
