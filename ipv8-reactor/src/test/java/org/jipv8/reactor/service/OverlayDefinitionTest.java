package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.discovery.EdgeWalk;
import org.jipv8.reactor.discovery.RandomWalk;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Overlays registered in code by type ({@link OverlayDefinition}), the immutable {@link
 * Ipv8Builder} and its lazy {@code start()}, on the simulated network and virtual time.
 */
class OverlayDefinitionTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final SimulatedNetwork internet =
      SimulatedNetwork.builder().scheduler(clock).seed(3).build();
  private final List<Ipv8> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.stop().subscribe());
    clock.advanceTimeBy(Duration.ofSeconds(1));
    clock.dispose();
  }

  /** A base builder: loopback configuration, virtual time, no endpoint yet. */
  private Ipv8Builder onVirtualTime(Ipv8Builder b) {
    return b.protocolScheduler(clock).verifyScheduler(clock).random(new Random(5));
  }

  private Ipv8 startOn(Ipv8Builder b) {
    SimulatedEndpoint endpoint = internet.newEndpoint();
    Ipv8[] started = new Ipv8[1];
    b.endpoint(endpoint)
        .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
        .start()
        .subscribe(n -> started[0] = n);
    clock.advanceTime();
    assertTrue(started[0] != null && started[0].isRunning(), "node started");
    nodes.add(started[0]);
    return started[0];
  }

  @Test
  void everySetterReturnsANewBuilderAndLeavesThisOneAsItWas() {
    Ipv8Builder base = Ipv8.builder();
    Ipv8Builder local = base.loopback();
    assertNotSame(base, local);
    assertNotSame(base.configuration, local.configuration);
    assertEquals(Loopback.HOST, local.configuration.interfaces().get(0).ip());
    Ipv8Builder withOverlay =
        local.overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new));
    assertEquals(0, local.definitions.size());
    assertEquals(1, withOverlay.definitions.size());
    assertSame(local.configuration, withOverlay.configuration);
  }

  @Test
  void walkersBootstrappersAndStartActionsRunOnEveryNodeOfOneDefinition() {
    AtomicInteger started = new AtomicInteger();
    List<Boolean> onProtocolThread = new ArrayList<>();
    LocalTracker[] tracker = new LocalTracker[1];
    LocalTracker.on(internet.newEndpoint(), clock).subscribe(t -> tracker[0] = t);
    clock.advanceTime();
    Ipv8Builder builder =
        onVirtualTime(Ipv8.builder().loopback())
            .overlay(
                OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                    .walker(Walkers.randomWalk(2))
                    .bootstrapper(tracker[0]::bootstrapper)
                    .onStart(
                        c -> {
                          started.incrementAndGet();
                          onProtocolThread.add(c.protocolScheduler() == clock);
                        }));
    List<InteropCommunity> communities = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      communities.add(startOn(builder).getOverlay(InteropCommunity.class));
    }
    assertEquals(3, started.get());
    assertTrue(onProtocolThread.stream().allMatch(b -> b));
    StrategyScheduler.Registration walk = nodes.get(0).strategyScheduler().registrations().get(0);
    assertTrue(walk.strategy() instanceof RandomWalk);
    assertEquals(2, walk.targetPeers());
    assertSame(communities.get(0), walk.strategy().overlay());
    clock.advanceTimeBy(Duration.ofSeconds(30));
    for (InteropCommunity c : communities) {
      assertEquals(2, c.getPeers().size(), "every node found the other two through the tracker");
    }
    assertEquals(3, tracker[0].server().members(InteropCommunity.ID).size());
    tracker[0].stop().subscribe();
  }

  @Test
  void startIsLazyAndEachSubscriptionMakesANewNode() {
    AtomicInteger made = new AtomicInteger();
    Ipv8Builder builder =
        onVirtualTime(Ipv8.builder().loopback())
            .overlay(
                OverlayDefinition.of(
                    InteropCommunity.class,
                    s -> {
                      made.incrementAndGet();
                      return new InteropCommunity(s);
                    }));
    SimulatedEndpoint endpoint = internet.newEndpoint();
    Mono<Ipv8> start = builder.endpoint(endpoint).start();
    clock.advanceTime();
    assertEquals(0, made.get(), "nothing is built before subscription");
    Ipv8 a = start.block(Duration.ofSeconds(5));
    nodes.add(a);
    assertEquals(1, made.get());
    Ipv8 b = startOn(builder);
    assertNotSame(a, b);
    assertNotSame(a.getOverlay(InteropCommunity.class), b.getOverlay(InteropCommunity.class));
    assertEquals(2, made.get());
  }

  @Test
  void theDefinedTypeIsNameableInConfigurationFilesWithoutASecondRegistration() {
    Ipv8 node =
        startOn(
            onVirtualTime(
                    Ipv8.builder()
                        .configuration(
                            Loopback.configurationBuilder(0)
                                .addOverlay(
                                    "InteropCommunity",
                                    Loopback.KEY_ALIAS,
                                    List.of(Loopback.randomWalk(5)),
                                    List.of(),
                                    Map.of(),
                                    List.of())
                                .finalizeConfig()))
                .overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)));
    assertEquals(2, node.getOverlays(InteropCommunity.class).size());
  }

  @Test
  void aFailingStartActionFailsTheStartAndStopsTheNode() {
    SimulatedEndpoint endpoint = internet.newEndpoint();
    Throwable[] error = new Throwable[1];
    Ipv8 node =
        onVirtualTime(Ipv8.builder().loopback())
            .overlay(
                OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                    .onStart(
                        c -> {
                          throw new IllegalStateException("no");
                        }))
            .endpoint(endpoint)
            // A fixed LAN list keeps the whole start on the virtual clock (no real thread).
            .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
            .build();
    node.start().subscribe(n -> {}, e -> error[0] = e);
    clock.advanceTime();
    assertEquals("no", error[0].getMessage());
    assertTrue(!node.isRunning() && !endpoint.isOpen(), "stopped and closed");
    assertTrue(node.getOverlays(InteropCommunity.class).isEmpty(), "overlays unloaded");
  }

  @Test
  void anUnknownKeyAliasNamesTheDefinition() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                onVirtualTime(Ipv8.builder().loopback())
                    .overlay(
                        OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                            .key("other"))
                    .endpoint(internet.newEndpoint())
                    .build());
    assertEquals("overlay(InteropCommunity.class).key", e.path());
    assertTrue(e.getMessage().contains(Loopback.KEY_ALIAS), e.getMessage());
  }

  @Test
  void aConfigurationWithoutKeysIsAnErrorForADefinition() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                onVirtualTime(
                        Ipv8.builder()
                            .configuration(
                                ConfigBuilder.clean()
                                    .setAddress("127.0.0.1")
                                    .setLogLevel("INFO")
                                    .setWorkingDirectory(".")
                                    .setWalkerInterval(0.5)
                                    .clearKeys()
                                    .clearOverlays()
                                    .finalizeConfig()))
                    .overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new))
                    .endpoint(internet.newEndpoint())
                    .build());
    assertEquals("overlay(InteropCommunity.class).key", e.path());
  }

  @Test
  void aSecondKeyCanBeChosenByAlias() {
    Ipv8 node =
        startOn(
            onVirtualTime(
                    Ipv8.builder()
                        .configuration(
                            Loopback.configurationBuilder(0)
                                .addKey("second", KeyType.CURVE25519, "")
                                .finalizeConfig()))
                .overlay(
                    OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                        .key("second")));
    assertSame(node.keys().get("second"), node.getOverlay(InteropCommunity.class).myPeer());
  }

  @Test
  void theBuiltInWalkersMakeTheirStrategiesWithTheGivenSettings() {
    Ipv8 node =
        startOn(
            onVirtualTime(Ipv8.builder().loopback())
                .overlay(
                    OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                        .walker(Walkers.randomWalk(7, Duration.ofSeconds(9)))
                        .walker(Walkers.edgeWalk(-1))
                        .initialize(Map.of("max_peers", 12))));
    List<StrategyScheduler.Registration> regs = node.strategyScheduler().registrations();
    assertEquals(2, regs.size());
    RandomWalk walk = (RandomWalk) regs.get(0).strategy();
    assertEquals(9_000, walk.timeoutMillis());
    assertEquals(7, regs.get(0).targetPeers());
    assertTrue(regs.get(1).strategy() instanceof EdgeWalk);
    assertEquals(-1, regs.get(1).targetPeers());
    assertEquals(12, node.getOverlay(InteropCommunity.class).maxPeers());
  }

  @Test
  void walkerTargetsBelowMinusOneAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Walkers.randomWalk(-2));
  }
}
