package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.discovery.BuiltinStrategies;
import org.jipv8.reactor.discovery.RandomWalk;
import org.jipv8.reactor.discovery.StrategyScheduler;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * End to end on virtual time: ten DiscoveryCommunity nodes that only know the first node's address
 * (through a bootstrapper) find each other with RandomWalk, RandomChurn and PeriodicSimilarity run
 * by the strategy scheduler, without dropping anything.
 */
class DiscoveryWalkIntegrationTest {

  /** Hands out one address, like a tracker that only knows the first node. */
  record OneAddress(Address address) implements Bootstrapper {
    @Override
    public boolean isInitialized() {
      return true;
    }

    @Override
    public Mono<Boolean> initialize(Overlay overlay) {
      return Mono.just(true);
    }

    @Override
    public Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout) {
      return Mono.just(List.of(address));
    }

    @Override
    public void keepAlive(Overlay overlay) {}

    @Override
    public List<Address> blacklist() {
      return List.of();
    }

    @Override
    public Mono<Void> unload() {
      return Mono.empty();
    }
  }

  @Test
  void tenNodesFindEachOtherFromOneBootstrapAddress() {
    int n = 10;
    try (TestNetwork net = TestNetwork.create(7)) {
      net.internet().setLatency(Duration.ofMillis(20));
      List<DiscoveryCommunity> communities = new ArrayList<>();
      List<Disposable> loops = new ArrayList<>();
      Address first = null;
      for (int i = 0; i < n; i++) {
        TestNode node = net.node();
        if (first == null) {
          first = node.wan();
        }
        Address seed = first;
        DiscoveryCommunity d =
            node.add(s -> s.bootstrapper(new OneAddress(seed)), DiscoveryCommunity::new);
        communities.add(d);
        StrategyScheduler loop = new StrategyScheduler(node.endpoint(), net.scheduler());
        loop.add(new RandomWalk(d), 20);
        for (Map.Entry<String, org.jipv8.api.discovery.StrategyFactory> e :
            BuiltinStrategies.discoveryCommunity().entrySet()) {
          loop.add(e.getValue().create(d, Map.of()), -1);
        }
        loops.add(loop.start());
      }

      net.advance(Duration.ofSeconds(30));

      for (DiscoveryCommunity d : communities) {
        assertEquals(n - 1, d.getPeers().size(), d + " knows every other node");
        // The memory internet answers from a node's WAN address even when it was walked to at its
        // LAN address (as py-ipv8's mock does); the introduction hardening drops those answers as
        // unsolicited. Nothing else may be dropped.
        assertEquals(
            0,
            d.statistics().totalDrops() - d.statistics().drops(DropReason.UNSOLICITED_RESPONSE),
            d + " dropped " + d.statistics());
        assertTrue(
            d.getPeers().stream().anyMatch(p -> !p.pings().isEmpty()), "churn measured RTTs");
        assertEquals(0, d.statistics().drops(DropReason.HANDLER_ERROR));
      }
      assertTrue(net.internet().undeliverable().isEmpty());
      loops.forEach(Disposable::dispose);
    }
  }
}
