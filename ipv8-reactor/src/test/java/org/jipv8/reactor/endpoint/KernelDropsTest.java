package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kernel receive drops are read from the socket's row of /proc/net/udp. */
@Timeout(60)
class KernelDropsTest {

  @Test
  void addressesAreKeyedAsTheKernelPrintsThem() throws Exception {
    byte[] loopback = InetAddress.getByName("127.0.0.1").getAddress();
    String expected = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "0100007F" : "7F000001";
    assertEquals(expected, KernelDrops.procAddress(loopback));
    assertEquals(32, KernelDrops.procAddress(InetAddress.getByName("::1").getAddress()).length());
  }

  @Test
  void aSocketThatIsNeverReadShowsTheKernelsDrops() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "no /proc/net/udp here");
    // INET channels: a plain DatagramSocket may be a dual-stack IPv6 socket, listed in udp6.
    try (DatagramChannel idle = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel sender = DatagramChannel.open(StandardProtocolFamily.INET)) {
      idle.setOption(StandardSocketOptions.SO_RCVBUF, 1);
      idle.bind(new InetSocketAddress("127.0.0.1", 0));
      sender.bind(new InetSocketAddress("127.0.0.1", 0));
      KernelDrops drops = KernelDrops.of((InetSocketAddress) idle.getLocalAddress());
      assertEquals(OptionalLong.of(0), drops.readNow());

      for (int i = 0; i < 1_000; i++) {
        sender.send(ByteBuffer.allocate(512), idle.getLocalAddress());
      }

      long dropped = drops.readNow().orElseThrow();
      assertTrue(dropped > 0, "a minimal receive buffer cannot hold 1,000 datagrams");
      assertEquals(dropped, drops.read());
    }
  }

  @Test
  void anOpenEndpointReportsItsKernelDrops() {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/udp")), "no /proc/net/udp here");
    UdpEndpoint endpoint = UdpEndpoint.builder().host("127.0.0.1").build();
    try {
      endpoint.openNow(Duration.ofSeconds(10));
      InetSocketAddress local = endpoint.localAddress().toInetSocketAddress();
      assertTrue(KernelDrops.of(local).readNow().isPresent(), "its row is found");
      assertEquals(0, endpoint.statistics().kernelDrops());
    } finally {
      endpoint.closeNow(Duration.ofSeconds(10));
    }
  }
}
