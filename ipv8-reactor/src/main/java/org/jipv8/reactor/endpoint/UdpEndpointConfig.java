package org.jipv8.reactor.endpoint;

import java.time.Duration;
import java.util.Objects;
import org.jipv8.api.address.Address;
import reactor.netty.resources.LoopResources;

/**
 * The settings of one {@link UdpEndpoint}, as collected by {@link UdpEndpointBuilder}. Immutable;
 * the builder validates every value, so a config that exists is a config that can be used.
 *
 * @param host the IP literal to bind: {@code 0.0.0.0}/{@code 127.0.0.1} (IPv4) or {@code ::}/{@code
 *     ::1} (IPv6); never a host name, so opening never waits on DNS
 * @param port the first port to try; 0 lets the operating system choose
 * @param portAttempts how many consecutive ports to try when the port is taken (1: only {@code
 *     port}); ignored for port 0
 * @param receiveBufferSize SO_RCVBUF in bytes (py-ipv8 uses 870,400; the kernel may cap it)
 * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the operating system's default
 * @param outboundQueueCapacity the most datagrams waiting in the outbound queue
 * @param outboundQueueMaxBytes the most bytes waiting in the outbound queue
 * @param writeBufferLowWaterMark Netty's low water mark: writing resumes below it
 * @param writeBufferHighWaterMark Netty's high water mark: writing pauses above it
 * @param ipv6Only whether an IPv6 endpoint sets IPV6_V6ONLY (no IPv4-mapped traffic)
 * @param broadcast whether SO_BROADCAST is set (only the UDP broadcast bootstrapper's socket)
 * @param receiveCoalescing how long the socket stops reading after a small read while datagrams
 *     arrive closely, so they are read together ({@link Duration#ZERO}: never); see {@link
 *     UdpEndpointBuilder#receiveCoalescing}
 * @param loopbackGuard the guard asked for in code (the environment may still switch it on)
 * @param loopResources the event loops to run on, or null for Reactor Netty's shared UDP loops
 */
public record UdpEndpointConfig(
    String host,
    int port,
    int portAttempts,
    int receiveBufferSize,
    int sendBufferSize,
    int outboundQueueCapacity,
    long outboundQueueMaxBytes,
    int writeBufferLowWaterMark,
    int writeBufferHighWaterMark,
    boolean ipv6Only,
    boolean broadcast,
    Duration receiveCoalescing,
    LoopbackGuard loopbackGuard,
    LoopResources loopResources) {

  /** py-ipv8's receive buffer size. */
  public static final int DEFAULT_RECEIVE_BUFFER_SIZE = 870_400;

  /** Default outbound queue bound in datagrams. */
  public static final int DEFAULT_OUTBOUND_QUEUE_CAPACITY = 16_384;

  /** Default outbound queue bound in bytes (32 MiB). */
  public static final long DEFAULT_OUTBOUND_QUEUE_MAX_BYTES = 32L * 1024 * 1024;

  /** Default low water mark (128 KiB). */
  public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 128 * 1024;

  /** Default high water mark (512 KiB). */
  public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 512 * 1024;

  /**
   * Default receive coalescing: 2 ms. At a steady 10,000 signed datagrams/s (ipv8 bench, receiver
   * on one core) the receiver's CPU outside the signature checks was 3.7 us per datagram with 2 ms
   * against 4.8 us with 1 ms; 4 ms gained nothing more, as a run holds at most 32 datagrams.
   */
  public static final Duration DEFAULT_RECEIVE_COALESCING = Duration.ofMillis(2);

  /** The longest receive coalescing the builder accepts. */
  public static final Duration MAX_RECEIVE_COALESCING = Duration.ofMillis(10);

  public UdpEndpointConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(receiveCoalescing, "receiveCoalescing");
    Objects.requireNonNull(loopbackGuard, "loopbackGuard");
  }

  /** The defaults: {@code 0.0.0.0}, port 0, one attempt, py-ipv8's buffer sizes. */
  static UdpEndpointConfig defaults() {
    return new UdpEndpointConfig(
        "0.0.0.0",
        0,
        1,
        DEFAULT_RECEIVE_BUFFER_SIZE,
        0,
        DEFAULT_OUTBOUND_QUEUE_CAPACITY,
        DEFAULT_OUTBOUND_QUEUE_MAX_BYTES,
        DEFAULT_WRITE_BUFFER_LOW_WATER_MARK,
        DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK,
        true,
        false,
        DEFAULT_RECEIVE_COALESCING,
        LoopbackGuard.disabled(),
        null);
  }

  /** Whether {@link #host} is an IPv6 literal. */
  public boolean isIpv6() {
    return Address.of(host, 0).isIpv6();
  }
}
