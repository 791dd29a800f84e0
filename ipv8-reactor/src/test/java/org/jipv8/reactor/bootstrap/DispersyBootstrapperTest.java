package org.jipv8.reactor.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.discovery.FakeOverlay;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DispersyBootstrapperTest {
  private static final Address TRACKER_A = Address.ipv4("127.0.0.1", 6421);
  private static final Address TRACKER_B = Address.ipv4("127.0.0.1", 6422);
  private static final DnsResolver NO_DNS =
      (host, port) -> Mono.error(new AssertionError("no DNS lookups in tests: " + host));

  private static DispersyBootstrapper twoTrackers() {
    return new DispersyBootstrapper(
        List.of(TRACKER_A, TRACKER_B), List.of(), Duration.ofSeconds(30), NO_DNS);
  }

  @Test
  void initializeBlacklistsTheTrackersAndAnswersTrue() {
    FakeOverlay overlay = new FakeOverlay(1);
    DispersyBootstrapper b = twoTrackers();
    assertFalse(b.isInitialized());
    assertTrue(b.initialize(overlay).block());
    assertTrue(b.isInitialized());
    assertTrue(overlay.network.isBlacklisted(TRACKER_A));
    assertTrue(overlay.network.isBlacklisted(TRACKER_B));
    assertEquals(List.of(TRACKER_A, TRACKER_B), b.blacklist());
  }

  @Test
  void getAddressesWalksToEveryTrackerOnceAndReturnsNothing() {
    FakeOverlay overlay = new FakeOverlay(1);
    DispersyBootstrapper b = twoTrackers();
    assertEquals(List.of(), b.getAddresses(overlay, Duration.ofSeconds(60)).block());
    assertEquals(List.of(TRACKER_A, TRACKER_B), overlay.walks);
  }

  @Test
  void trackersAreContactedAtMostOncePerBootstrapTimeout() {
    FakeOverlay overlay = new FakeOverlay(1);
    DispersyBootstrapper b = twoTrackers();
    b.getAddresses(overlay, Duration.ofSeconds(60)).block();
    overlay.advance(29_999);
    b.getAddresses(overlay, Duration.ofSeconds(60)).block();
    assertEquals(2, overlay.walks.size());
    overlay.advance(1);
    b.getAddresses(overlay, Duration.ofSeconds(60)).block();
    assertEquals(4, overlay.walks.size());
  }

  @Test
  void keepAliveContactsOneTrackerAndBlacklistsIt() {
    FakeOverlay overlay = new FakeOverlay(1);
    DispersyBootstrapper b = twoTrackers();
    b.keepAlive(overlay);
    assertEquals(1, overlay.walks.size());
    assertTrue(overlay.network.isBlacklisted(overlay.walks.get(0)));
  }

  @Test
  void resolvedNamesJoinTheTrackerList() {
    FakeOverlay overlay = new FakeOverlay(1);
    List<String> looked = new ArrayList<>();
    DnsResolver fake =
        (host, port) -> {
          looked.add(host);
          return Mono.just(List.of(Address.ipv4("127.0.0.9", port)));
        };
    DispersyBootstrapper b =
        new DispersyBootstrapper(
            List.of(TRACKER_A),
            List.of(new DispersyBootstrapper.DnsName("tracker.invalid", 7000)),
            Duration.ofSeconds(30),
            fake);
    b.initialize(overlay).block();
    assertEquals(List.of("tracker.invalid"), looked);
    assertEquals(List.of(TRACKER_A, Address.ipv4("127.0.0.9", 7000)), b.blacklist());
  }

  @Test
  void unresolvableNamesAreLoggedNotFatal() {
    FakeOverlay overlay = new FakeOverlay(1);
    DispersyBootstrapper b =
        new DispersyBootstrapper(
            List.of(TRACKER_A),
            List.of(new DispersyBootstrapper.DnsName("tracker.invalid", 7000)),
            Duration.ofSeconds(30),
            (h, p) -> Mono.error(new java.net.UnknownHostException(h)));
    assertTrue(b.initialize(overlay).block());
    assertEquals(List.of(TRACKER_A), b.blacklist());
  }

  @Test
  void defaultsHoldPyIpv8sPublicTrackersWithoutContactingThem() {
    DispersyBootstrapper b = DispersyBootstrapper.defaults();
    assertEquals(13, b.blacklist().size());
    assertTrue(b.blacklist().contains(Address.ipv4("130.161.119.206", 6421)));
    assertEquals(Duration.ofSeconds(30), b.bootstrapTimeout());
    assertFalse(b.isInitialized());
  }

  @Test
  void configurationArgumentsAreReadAndCheckedByName() {
    DispersyBootstrapper b =
        DispersyBootstrapper.fromInit(
            Map.of("ip_addresses", List.of(List.of("127.0.0.1", 1234)), "bootstrap_timeout", 0.5),
            NO_DNS);
    assertEquals(List.of(Address.ipv4("127.0.0.1", 1234)), b.blacklist());
    assertEquals(Duration.ofMillis(500), b.bootstrapTimeout());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> DispersyBootstrapper.fromInit(Map.of("ip_adresses", List.of()), NO_DNS));
    assertTrue(unknown.getMessage().contains("ip_adresses"), unknown.getMessage());
    IllegalArgumentException badPort =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DispersyBootstrapper.fromInit(
                    Map.of("ip_addresses", List.of(List.of("127.0.0.1", 70000))), NO_DNS));
    assertTrue(badPort.getMessage().contains("ip_addresses[0]"), badPort.getMessage());
  }
}
