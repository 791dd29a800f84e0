package org.jipv8.reactor.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.endpoint.LoopbackGuard;
import org.jipv8.reactor.endpoint.UdpEndpoint;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Beacons, rate limits and the receive side, on the in-memory network; real broadcast never. */
class UdpBroadcastBootstrapperTest {
  private final TestNetwork net = TestNetwork.create(5);

  @AfterEach
  void close() {
    net.close();
  }

  @Test
  void aBeaconIsTheHeaderThenThePrefix() {
    byte[] prefix = InteropCommunity.ID.prefix();
    assertEquals(
        "0000495076380000" + "02" + InteropCommunity.ID.hex(),
        HexFormat.of().formatHex(UdpBroadcastBootstrapper.beacon(prefix)));
    assertEquals(29, UdpBroadcastBootstrapper.beacon(prefix).length);
  }

  private record Setup(
      InteropCommunity community, MemoryEndpoint socket, UdpBroadcastBootstrapper bootstrapper) {}

  private Setup setup(int first, int last) {
    TestNode node = net.node();
    InteropCommunity community = node.add(InteropCommunity::new);
    MemoryInternet internet = net.internet();
    MemoryEndpoint socket =
        internet.endpoint(Address.ipv4("10.9.9.9", 40000), Address.ipv4("10.9.9.9", 40000));
    UdpBroadcastBootstrapper b =
        new UdpBroadcastBootstrapper(Duration.ofSeconds(30), first, last, () -> socket);
    return new Setup(community, socket, b);
  }

  private long beaconsSent() {
    return net.internet().sent().stream()
        .filter(s -> s.to().host().equals("255.255.255.255"))
        .count();
  }

  @Test
  void initializeSendsOneRoundOverTheConfiguredPortsAndRoundsAreRateLimited() {
    Setup s = setup(9000, 9009);
    net.run(() -> assertTrue(s.bootstrapper().initialize(s.community()).block()));
    assertEquals(10, beaconsSent());
    net.run(() -> s.bootstrapper().getAddresses(s.community(), Duration.ofSeconds(60)).block());
    net.run(() -> s.bootstrapper().keepAlive(s.community()));
    assertEquals(10, beaconsSent(), "no second round within the bootstrap timeout");
    net.advance(Duration.ofSeconds(30));
    net.run(() -> s.bootstrapper().keepAlive(s.community()));
    assertEquals(20, beaconsSent());
    assertEquals(List.of(), s.bootstrapper().blacklist());
  }

  @Test
  void aBeaconForOurCommunityMakesUsWalkToItsSender() {
    Setup s = setup(9000, 9000);
    net.run(() -> s.bootstrapper().initialize(s.community()).block());
    Address other = Address.ipv4("10.1.2.3", 41000);
    s.bootstrapper()
        .onDatagram(
            new Datagram(other, UdpBroadcastBootstrapper.beacon(InteropCommunity.ID.prefix())));
    net.advance();
    assertTrue(
        net.internet().sent().stream()
            .anyMatch(x -> x.to().equals(other) && Packets.messageId(x.data()) == 246),
        "an introduction-request went to the beacon's sender");
  }

  @Test
  void aBeaconForAnotherCommunityIsIgnored() {
    Setup s = setup(9000, 9000);
    net.run(() -> s.bootstrapper().initialize(s.community()).block());
    Address other = Address.ipv4("10.1.2.3", 41000);
    byte[] foreign =
        UdpBroadcastBootstrapper.beacon(
            org.jipv8.api.community.CommunityId.fromHex("11".repeat(20)).prefix());
    s.bootstrapper().onDatagram(new Datagram(other, foreign));
    net.advance();
    assertFalse(net.internet().sent().stream().anyMatch(x -> x.to().equals(other)));
  }

  @Test
  void configurationArgumentsAreChecked() {
    UdpBroadcastBootstrapper.fromInit(
        Map.of("first_port", 7000, "last_port", 7001, "bootstrap_timeout", 1.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> UdpBroadcastBootstrapper.fromInit(Map.of("ports", 3)));
    assertTrue(e.getMessage().contains("ports"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new UdpBroadcastBootstrapper(Duration.ofSeconds(1), 10, 65535, () -> null));
  }

  @Test
  void underTheLoopbackGuardBeaconsNeverLeaveTheMachine() {
    TestNode node = net.node();
    InteropCommunity community = node.add(InteropCommunity::new);
    UdpEndpoint socket =
        UdpEndpoint.builder()
            .host("127.0.0.1")
            .port(0)
            .broadcast(true)
            .loopbackGuard(LoopbackGuard.enabled())
            .build();
    UdpBroadcastBootstrapper b =
        new UdpBroadcastBootstrapper(Duration.ofSeconds(30), 9000, 9004, () -> socket);
    try {
      assertTrue(b.initialize(community).block(Duration.ofSeconds(10)));
      assertEquals(5, socket.statistics().drops(DropReason.LOOPBACK_GUARD));
      assertEquals(0, socket.statistics().packetsSent());
    } finally {
      b.unload().block(Duration.ofSeconds(10));
    }
  }
}
