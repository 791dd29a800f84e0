package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.endpoint.DispatcherEndpoint;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/**
 * A dual-stack node (a {@link DispatcherEndpoint} with an IPv4 and an IPv6 child) has both
 * interface families and advertises an address of each (issue 11 point 11).
 */
class DualStackAddressesTest {
  private final MemoryInternet internet = new MemoryInternet(Schedulers.immediate());
  private final MemoryEndpoint v4 =
      internet.endpoint(Address.ipv4("127.0.0.1", 8001), Address.ipv4("127.0.0.1", 8001)).openNow();
  private final MemoryEndpoint v6 =
      internet.endpoint(Address.ipv6("::1", 8002), Address.ipv6("::1", 8002)).openNow();
  private final Peer me = Peer.own(Keys.generate(KeyType.CURVE25519), () -> 0L);

  private OwnAddresses addresses(org.jipv8.api.endpoint.Endpoint endpoint) {
    return new OwnAddresses(
        endpoint, me, LanAddressProvider.none(), Schedulers.immediate(), () -> "test");
  }

  @Test
  void aDualStackNodeHasBothFamiliesAndAnAddressOfEach() {
    OwnAddresses own = addresses(DispatcherEndpoint.of(v4, v6));
    assertEquals(Set.of(AddressKind.UDPV4, AddressKind.UDPV6), own.interfaceFamilies());
    assertEquals(Address.ipv4("127.0.0.1", 8001), own.ownAddressOf(AddressKind.UDPV4));
    assertEquals(Address.ipv6("::1", 8002), own.ownAddressOf(AddressKind.UDPV6));
    own.myPreferredAddress(own.interfaceFamilies(), own::ownAddressOf);
    assertEquals(Address.ipv6("::1", 8002), me.addresses().get(AddressKind.UDPV6));
    assertEquals(Address.ipv4("127.0.0.1", 8001), me.addresses().get(AddressKind.UDPV4));
  }

  @Test
  void aSingleStackNodeHasOneFamily() {
    OwnAddresses own = addresses(v4);
    assertEquals(Set.of(AddressKind.UDPV4), own.interfaceFamilies());
    assertNull(own.ownAddressOf(AddressKind.UDPV6));
    assertEquals(
        Set.of(AddressKind.UDPV6), addresses(DispatcherEndpoint.of(null, v6)).interfaceFamilies());
  }

  @Test
  void anIpv6InterfaceBoundToAnyAddressAdvertisesALanAddressInstead() {
    MemoryEndpoint any =
        internet.endpoint(Address.ipv6("::", 8003), Address.ipv6("::", 8003)).openNow();
    OwnAddresses own =
        new OwnAddresses(
            DispatcherEndpoint.of(v4, any),
            me,
            LanAddressProvider.fixed("fe80::1", "192.168.1.2"),
            Schedulers.immediate(),
            () -> "test");
    own.refreshNow().block();
    assertEquals(List.of("fe80::1", "192.168.1.2"), own.lanAddresses());
    assertEquals(Address.ipv6("fe80::1", 8003), own.ownAddressOf(AddressKind.UDPV6));
    assertEquals(Address.ipv4("192.168.1.2", 8001), own.ownAddressOf(AddressKind.UDPV4));
  }
}
