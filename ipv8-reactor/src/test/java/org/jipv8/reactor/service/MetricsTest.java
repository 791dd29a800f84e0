package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.WalkerConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class MetricsTest {

  @Test
  void perCommunityPerMessageCountersReachMicrometer() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    SimulatedNetwork internet = SimulatedNetwork.builder().scheduler(clock).seed(1).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Ipv8[] nodes = new Ipv8[2];
    SimulatedEndpoint e0 = internet.newEndpoint();
    SimulatedEndpoint e1 = internet.newEndpoint();
    for (int i = 0; i < 2; i++) {
      SimulatedEndpoint endpoint = i == 0 ? e0 : e1;
      nodes[i] =
          Ipv8.builder()
              .configuration(
                  ConfigBuilder.clean()
                      .setAddress("127.0.0.1")
                      .setLogLevel("INFO")
                      .setWorkingDirectory(".")
                      .setWalkerInterval(0.5)
                      .addKey("me", KeyType.CURVE25519, "")
                      .addOverlay(
                          "InteropCommunity",
                          "me",
                          List.of(WalkerConfig.of("RandomWalk", 1, Map.of())),
                          List.of(),
                          Map.of(),
                          List.of())
                      .finalizeConfig())
              .overlay(InteropCommunity.class, InteropCommunity::new)
              .endpoint(endpoint)
              .protocolScheduler(clock)
              .verifyScheduler(clock)
              .random(new Random(10 + i))
              .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
              .meterRegistry(i == 1 ? registry : new SimpleMeterRegistry())
              .build();
      nodes[i].start().subscribe();
      clock.advanceTime();
    }
    InteropCommunity c0 = nodes[0].getOverlay(InteropCommunity.class);
    c0.walkTo(e1.localAddress());
    clock.advanceTimeBy(Duration.ofSeconds(6));
    FunctionCounter received =
        registry
            .find("jipv8.community.messages")
            .tags(
                "community",
                InteropCommunity.ID.hex(),
                "direction",
                "received",
                "message_id",
                "246")
            .functionCounter();
    assertNotNull(received, "node 1 publishes the introduction-requests it received");
    assertTrue(received.count() >= 1);
    assertNotNull(
        registry
            .find("jipv8.community.messages")
            .tags("direction", "sent", "message_id", "245")
            .functionCounter());
    assertNotNull(
        registry.find("jipv8.endpoint.packets").meter(), "endpoint counters are bound too");
    for (Ipv8 n : nodes) {
      n.stop().subscribe();
    }
    clock.advanceTimeBy(Duration.ofSeconds(1));
    clock.dispose();
  }
}
