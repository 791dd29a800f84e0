package org.jipv8.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.jipv8.reactor.service.Ipv8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tutorial's programs run and do what the README says (real loopback sockets). */
@Timeout(90)
class TutorialTest {

  @Test
  void clocksAdvanceWhenThreeNodesTalk() {
    List<Long> clocks = ClockExample.run(3, Duration.ofSeconds(4));
    assertEquals(3, clocks.size());
    assertTrue(clocks.stream().allMatch(c -> c > 0), "every node received clocks: " + clocks);
  }

  private static void assertStrategyRuns(Ipv8 node) {
    try {
      List<StrategyScheduler.Registration> regs = node.strategyScheduler().registrations();
      StrategyScheduler.Registration mine =
          regs.stream()
              .filter(r -> r.strategy() instanceof AskRandomPeer)
              .findFirst()
              .orElseThrow();
      assertEquals(-1, mine.targetPeers());
      DiscoveryStrategy s = mine.strategy();
      assertTrue(s.overlay() instanceof ClockCommunity);
      long before = node.strategyScheduler().statistics().stepsTaken();
      Boolean stepped =
          Flux.interval(Duration.ofMillis(50))
              .map(t -> node.strategyScheduler().statistics().stepsTaken() > before)
              .filter(b -> b)
              .next()
              .timeout(Duration.ofSeconds(10), Mono.just(false))
              .block();
      assertTrue(stepped, "the strategy takes steps");
    } finally {
      node.stopNow(Duration.ofSeconds(10));
    }
  }

  @Test
  void aStrategyRegisteredInCodeRuns() {
    assertStrategyRuns(StrategyRegistration.inCode());
  }

  @Test
  void aStrategyRegisteredOnARunningNodeRuns() {
    assertStrategyRuns(StrategyRegistration.atRuntime());
  }

  @Test
  void aStrategyNamedInTheConfigurationRuns() {
    assertStrategyRuns(StrategyRegistration.throughConfiguration(0));
  }

  @Test
  void aStrategyDeclaredOnALauncherRuns() {
    assertStrategyRuns(StrategyRegistration.throughLauncher());
  }
}
