package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UdpEndpointBuilderTest {

  @Test
  void everyCallReturnsANewBuilderAndLeavesTheOldOneAlone() {
    UdpEndpointBuilder base = UdpEndpoint.builder();
    UdpEndpointBuilder loopback = base.host("127.0.0.1").port(8090);

    assertEquals("0.0.0.0", base.configuration().host());
    assertEquals(0, base.configuration().port());
    assertEquals("127.0.0.1", loopback.configuration().host());
    assertEquals(8090, loopback.configuration().port());
  }

  @Test
  void defaultsFollowPyIpv8() {
    UdpEndpointConfig c = UdpEndpoint.builder().configuration();
    assertEquals(870_400, c.receiveBufferSize());
    assertEquals(1, c.portAttempts());
    assertTrue(c.ipv6Only());
    assertTrue(c.outboundQueueCapacity() > 0);
    assertEquals(java.time.Duration.ofMillis(2), c.receiveCoalescing());
    assertEquals(
        java.time.Duration.ZERO,
        UdpEndpoint.builder()
            .receiveCoalescing(java.time.Duration.ZERO)
            .configuration()
            .receiveCoalescing());
  }

  @Test
  void ipv6HostMakesAnIpv6Endpoint() {
    assertTrue(UdpEndpoint.builder().host("::").configuration().isIpv6());
    assertEquals("::1", UdpEndpoint.builder().host("0:0:0:0:0:0:0:1").configuration().host());
  }

  @Test
  void badValuesFailFastNamingTheSetting() {
    assertMessage(() -> UdpEndpoint.builder().port(70_000), "port");
    assertMessage(() -> UdpEndpoint.builder().host("localhost"), "IP literal");
    assertMessage(() -> UdpEndpoint.builder().portAttempts(0), "portAttempts");
    assertMessage(() -> UdpEndpoint.builder().receiveBufferSize(0), "receiveBufferSize");
    assertMessage(() -> UdpEndpoint.builder().sendBufferSize(-1), "sendBufferSize");
    assertMessage(() -> UdpEndpoint.builder().outboundQueueCapacity(0), "outboundQueueCapacity");
    assertMessage(() -> UdpEndpoint.builder().outboundQueueMaxBytes(10), "outboundQueueMaxBytes");
    assertMessage(() -> UdpEndpoint.builder().writeBufferWaterMark(10, 5), "writeBufferWaterMark");
    assertMessage(
        () -> UdpEndpoint.builder().receiveCoalescing(java.time.Duration.ofMillis(-1)),
        "receiveCoalescing");
    assertMessage(
        () -> UdpEndpoint.builder().receiveCoalescing(java.time.Duration.ofMillis(11)),
        "receiveCoalescing");
  }

  private static void assertMessage(Runnable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
