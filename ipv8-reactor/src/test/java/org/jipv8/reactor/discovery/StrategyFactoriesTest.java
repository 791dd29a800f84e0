package org.jipv8.reactor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.discovery.StrategyProvider;
import org.jipv8.api.peer.Peer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Building strategies from py-ipv8 configuration {@code init} maps. */
class StrategyFactoriesTest {
  private final FakeOverlay overlay = new FakeOverlay(1);

  private static IllegalArgumentException rejects(
      StrategyFactory f, Overlay o, Map<String, Object> init) {
    return assertThrows(IllegalArgumentException.class, () -> f.create(o, init));
  }

  private static void assertMentions(Exception e, String... words) {
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void anEmptyInitGivesPyIpv8Defaults() {
    RandomWalk walk = (RandomWalk) RandomWalk.factory().create(overlay, Map.of());
    assertEquals(3000, walk.timeoutMillis());
    assertEquals(5, walk.windowSize());
    assertEquals(50, walk.resetChance());
    assertEquals(0, walk.targetIntervalMillis());
  }

  @Test
  void randomWalkReadsItsKeywordArguments() {
    RandomWalk walk =
        (RandomWalk)
            RandomWalk.factory()
                .create(
                    overlay,
                    Map.of(
                        "timeout",
                        0.25,
                        "window_size",
                        3,
                        "reset_chance",
                        0L,
                        "target_interval",
                        2));
    assertEquals(250, walk.timeoutMillis());
    assertEquals(3, walk.windowSize());
    assertEquals(0, walk.resetChance());
    assertEquals(2000, walk.targetIntervalMillis());
  }

  @Test
  void integralDecimalsAreAcceptedForWholeNumbers() {
    RandomWalk walk = (RandomWalk) RandomWalk.factory().create(overlay, Map.of("window_size", 7.0));
    assertEquals(7, walk.windowSize());
  }

  @Test
  void anUnknownKeyIsRejectedNamingTheAcceptedOnes() {
    IllegalArgumentException e = rejects(RandomWalk.factory(), overlay, Map.of("timout", 3.0));
    assertMentions(
        e, "'timout'", "RandomWalk", "timeout", "window_size", "reset_chance", "target_interval");
  }

  @Test
  void wrongTypesAreRejectedNamingTheKey() {
    assertMentions(
        rejects(RandomWalk.factory(), overlay, Map.of("timeout", "3")), "'timeout'", "seconds");
    assertMentions(
        rejects(RandomWalk.factory(), overlay, Map.of("window_size", 2.5)),
        "'window_size'",
        "whole number");
    assertMentions(
        rejects(EdgeWalk.factory(), overlay, Map.of("edge_length", true)), "'edge_length'");
    assertMentions(
        rejects(RandomChurn.factory(), overlay, Map.of("drop_time", Double.NaN)), "'drop_time'");
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("ping_interval", null);
    assertMentions(rejects(PingChurn.factory(), overlay, withNull), "'ping_interval'", "null");
  }

  @Test
  void edgeWalkReadsItsKeywordArguments() {
    EdgeWalk walk =
        (EdgeWalk)
            EdgeWalk.factory()
                .create(
                    overlay, Map.of("edge_length", 2, "neighborhood_size", 1, "edge_timeout", 0));
    overlay.addPeer(1, "10.0.0.1", 1);
    walk.takeStep();
    assertEquals(1, walk.neighborhood().size());
    assertMentions(
        rejects(EdgeWalk.factory(), overlay, Map.of("timeout", 1)),
        "edge_length",
        "neighborhood_size",
        "edge_timeout");
  }

  @Test
  void randomChurnReadsItsKeywordArgumentsAndRejectsANegativeSampleSize() {
    DiscoveryStrategy s =
        RandomChurn.factory()
            .create(
                overlay,
                Map.of("sample_size", 0, "ping_interval", 0, "inactive_time", 1, "drop_time", 2));
    assertInstanceOf(RandomChurn.class, s);
    assertMentions(
        rejects(RandomChurn.factory(), overlay, Map.of("sample_size", -1)), "'sample_size'");
  }

  @Test
  void periodicSimilarityTakesNoArguments() {
    assertInstanceOf(
        PeriodicSimilarity.class, PeriodicSimilarity.factory().create(overlay, Map.of()));
    assertMentions(
        rejects(PeriodicSimilarity.factory(), overlay, Map.of("interval", 1)),
        "'interval'",
        "no arguments");
  }

  @Test
  void pingChurnReadsItsPingInterval() {
    assertInstanceOf(
        PingChurn.class, PingChurn.factory().create(overlay, Map.of("ping_interval", 0)));
  }

  /** An overlay that can neither ping nor exchange similarity requests. */
  private static final class PlainOverlay implements Overlay, StrategyProvider {
    @Override
    public CommunityId communityId() {
      return FakeOverlay.ID;
    }

    @Override
    public Peer myPeer() {
      return null;
    }

    @Override
    public List<Peer> getPeers() {
      return List.of();
    }

    @Override
    public List<Address> getWalkableAddresses() {
      return List.of();
    }

    @Override
    public void walkTo(Address address) {}

    @Override
    public void getNewIntroduction(Peer fromPeer) {}

    @Override
    public void bootstrap() {}

    @Override
    public int maxPeers() {
      return 30;
    }

    @Override
    public Map<String, StrategyFactory> availableStrategies() {
      return Map.of("RandomWalk", (o, i) -> null, "Custom", CUSTOM);
    }

    @Override
    public Mono<Void> unload() {
      return Mono.empty();
    }
  }

  private static final StrategyFactory CUSTOM = (o, i) -> null;

  @Test
  void aStrategyNeedingMoreThanTheOverlayOffersIsRejectedNamingWhatItNeeds() {
    PlainOverlay plain = new PlainOverlay();
    assertMentions(
        rejects(RandomChurn.factory(), plain, Map.of()), "RandomChurn", "PingingOverlay");
    assertMentions(rejects(PeriodicSimilarity.factory(), plain, Map.of()), "SimilarityOverlay");
    assertMentions(rejects(RandomWalk.factory(), plain, Map.of()), "NetworkOverlay");
  }

  @Test
  void namesResolveGlobalTableFirstThenTheOverlaysOwn() {
    PlainOverlay plain = new PlainOverlay();

    assertSame(
        BuiltinStrategies.global().get("RandomWalk"),
        BuiltinStrategies.resolve("RandomWalk", plain));
    assertSame(CUSTOM, BuiltinStrategies.resolve("Custom", plain));
    assertMentions(
        assertThrows(
            IllegalArgumentException.class, () -> BuiltinStrategies.resolve("RandomChurn", plain)),
        "'RandomChurn'",
        "Custom",
        "EdgeWalk",
        "RandomWalk");
  }

  @Test
  void theTablesHoldPyIpv8sNames() {
    assertEquals(
        List.of("RandomWalk", "EdgeWalk"), List.copyOf(BuiltinStrategies.global().keySet()));
    assertEquals(
        List.of("RandomChurn", "PeriodicSimilarity"),
        List.copyOf(BuiltinStrategies.discoveryCommunity().keySet()));
    assertInstanceOf(PingChurn.class, BuiltinStrategies.pingChurn().create(overlay, Map.of()));
  }
}
