package org.jipv8.reactor.endpoint;

import java.time.Duration;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * An immutable builder of {@link UdpEndpoint}s, in Reactor Netty's style: every call returns a new
 * builder and leaves this one unchanged, so a partly configured builder can be shared and reused.
 *
 * <pre>{@code
 * UdpEndpoint endpoint = UdpEndpoint.builder()
 *     .host("127.0.0.1")
 *     .port(0)
 *     .loopbackGuard(LoopbackGuard.enabled())
 *     .bindNow(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Every setter validates its value at once and throws {@link IllegalArgumentException} naming
 * the setting and how to fix it.
 */
public final class UdpEndpointBuilder {
  // Assigned only on fresh copies before they are returned, so instances are effectively
  // immutable once a caller sees them (Reactor Netty's "duplicate, then set" pattern).
  private String host;
  private int port;
  private int portAttempts;
  private int receiveBufferSize;
  private int sendBufferSize;
  private int outboundQueueCapacity;
  private long outboundQueueMaxBytes;
  private int writeBufferLowWaterMark;
  private int writeBufferHighWaterMark;
  private boolean ipv6Only;
  private boolean broadcast;
  private Duration receiveCoalescing;
  private LoopbackGuard loopbackGuard;
  private LoopResources loopResources;

  UdpEndpointBuilder(UdpEndpointConfig c) {
    host = c.host();
    port = c.port();
    portAttempts = c.portAttempts();
    receiveBufferSize = c.receiveBufferSize();
    sendBufferSize = c.sendBufferSize();
    outboundQueueCapacity = c.outboundQueueCapacity();
    outboundQueueMaxBytes = c.outboundQueueMaxBytes();
    writeBufferLowWaterMark = c.writeBufferLowWaterMark();
    writeBufferHighWaterMark = c.writeBufferHighWaterMark();
    ipv6Only = c.ipv6Only();
    broadcast = c.broadcast();
    receiveCoalescing = c.receiveCoalescing();
    loopbackGuard = c.loopbackGuard();
    loopResources = c.loopResources();
  }

  /** The settings collected so far. */
  public UdpEndpointConfig configuration() {
    return new UdpEndpointConfig(
        host,
        port,
        portAttempts,
        receiveBufferSize,
        sendBufferSize,
        outboundQueueCapacity,
        outboundQueueMaxBytes,
        writeBufferLowWaterMark,
        writeBufferHighWaterMark,
        ipv6Only,
        broadcast,
        receiveCoalescing,
        loopbackGuard,
        loopResources);
  }

  private UdpEndpointBuilder(UdpEndpointBuilder other) {
    this(other.configuration());
  }

  /**
   * The IP literal to bind ({@code 0.0.0.0}, {@code 127.0.0.1}, {@code ::}, {@code ::1}, ...). The
   * family of the endpoint follows the literal. Default {@code 0.0.0.0}.
   */
  public UdpEndpointBuilder host(String host) {
    Objects.requireNonNull(host, "host");
    Address parsed = Address.of(host, 0);
    if (parsed.kind() == AddressKind.DOMAIN) {
      throw new IllegalArgumentException(
          "host must be an IP literal (for example 0.0.0.0, 127.0.0.1, :: or ::1), was '"
              + host
              + "': host names are not resolved when binding");
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.host = parsed.host();
    return b;
  }

  /** The port to bind, 0..65535; 0 (the default) lets the operating system choose a free one. */
  public UdpEndpointBuilder port(int port) {
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException(
          "port must be in 0..65535 (0 lets the operating system choose), was " + port);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.port = port;
    return b;
  }

  /**
   * How many consecutive ports to try when the port is taken: 1 (the default) fails at once;
   * py-ipv8 tries 10,000. The ports tried never go past 65535. Has no effect with port 0.
   */
  public UdpEndpointBuilder portAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException(
          "portAttempts must be at least 1 (1 means: only the configured port), was " + attempts);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.portAttempts = attempts;
    return b;
  }

  /** SO_RCVBUF in bytes; default 870,400 as py-ipv8. The kernel may cap it (Linux: rmem_max). */
  public UdpEndpointBuilder receiveBufferSize(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException(
          "receiveBufferSize must be positive (py-ipv8 uses 870400), was " + bytes);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.receiveBufferSize = bytes;
    return b;
  }

  /**
   * The longest the socket stops reading after a read that took less than a full run while
   * datagrams arrive closely (less than this apart; the pause ends sooner when a full run arrives
   * sooner at the rate of that read), so that a steady stream is read, and handed through the
   * receive path, in runs rather than one datagram at a time; a datagram then waits at most this
   * long in the socket's buffer. Traffic sparser than that is read at once. Default 2 ms; {@link
   * Duration#ZERO} reads every datagram as soon as it arrives.
   *
   * @throws IllegalArgumentException when negative or longer than 10 ms
   */
  public UdpEndpointBuilder receiveCoalescing(Duration coalescing) {
    Objects.requireNonNull(coalescing, "receiveCoalescing");
    if (coalescing.isNegative()
        || coalescing.compareTo(UdpEndpointConfig.MAX_RECEIVE_COALESCING) > 0) {
      throw new IllegalArgumentException(
          "receiveCoalescing must be between 0 (off) and 10 ms (default 2 ms), was " + coalescing);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.receiveCoalescing = coalescing;
    return b;
  }

  /** SO_SNDBUF in bytes, or 0 (the default) to keep the operating system's default. */
  public UdpEndpointBuilder sendBufferSize(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException(
          "sendBufferSize must be 0 (operating system default) or positive, was " + bytes);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.sendBufferSize = bytes;
    return b;
  }

  /**
   * The most datagrams that may wait in the outbound queue (default 16,384). A send that finds the
   * queue full is dropped and counted as {@code QUEUE_FULL}.
   */
  public UdpEndpointBuilder outboundQueueCapacity(int datagrams) {
    if (datagrams < 1) {
      throw new IllegalArgumentException(
          "outboundQueueCapacity must be at least 1 datagram, was " + datagrams);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.outboundQueueCapacity = datagrams;
    return b;
  }

  /**
   * The most bytes that may wait in the outbound queue (default 32 MiB), so that a queue of large
   * datagrams stays bounded in memory too.
   */
  public UdpEndpointBuilder outboundQueueMaxBytes(long bytes) {
    if (bytes < UdpEndpoint.MAX_IPV6_PAYLOAD) {
      throw new IllegalArgumentException(
          "outboundQueueMaxBytes must hold at least one largest datagram ("
              + UdpEndpoint.MAX_IPV6_PAYLOAD
              + " bytes), was "
              + bytes);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.outboundQueueMaxBytes = bytes;
    return b;
  }

  /**
   * Netty's WRITE_BUFFER_WATER_MARK: the channel stops taking datagrams from the outbound queue
   * when more than {@code high} bytes wait to be written to the socket and resumes below {@code
   * low}. Defaults 128 KiB and 512 KiB.
   */
  public UdpEndpointBuilder writeBufferWaterMark(int low, int high) {
    if (low < 0 || high < low) {
      throw new IllegalArgumentException(
          "writeBufferWaterMark needs 0 <= low <= high, was low=" + low + ", high=" + high);
    }
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.writeBufferLowWaterMark = low;
    b.writeBufferHighWaterMark = high;
    return b;
  }

  /**
   * Whether an IPv6 endpoint is IPv6-only (default true, IPV6_V6ONLY set on the socket): an IPv6
   * endpoint bound to {@code ::} then never sees IPv4 traffic, which belongs to the IPv4 endpoint.
   * Ignored for IPv4.
   */
  public UdpEndpointBuilder ipv6Only(boolean ipv6Only) {
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.ipv6Only = ipv6Only;
    return b;
  }

  /** Sets SO_BROADCAST so the socket may send to broadcast addresses (default false). */
  public UdpEndpointBuilder broadcast(boolean broadcast) {
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.broadcast = broadcast;
    return b;
  }

  /**
   * The loopback guard asked for in code (default {@link LoopbackGuard#disabled()}). The
   * environment ({@code -Djipv8.loopbackOnly=true} or {@code JIPV8_LOOPBACK_ONLY=true}) switches it
   * on regardless; see {@link LoopbackGuard}.
   */
  public UdpEndpointBuilder loopbackGuard(LoopbackGuard guard) {
    Objects.requireNonNull(guard, "guard");
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.loopbackGuard = guard;
    return b;
  }

  /**
   * The event loops to run on (default: Reactor Netty's shared UDP loops, {@code
   * UdpResources.get()}). The caller owns {@code loops} and disposes them after closing the
   * endpoint.
   */
  public UdpEndpointBuilder runOn(LoopResources loops) {
    Objects.requireNonNull(loops, "loops");
    UdpEndpointBuilder b = new UdpEndpointBuilder(this);
    b.loopResources = loops;
    return b;
  }

  /** A new, not yet opened endpoint with these settings. */
  public UdpEndpoint build() {
    return new UdpEndpoint(configuration());
  }

  /** Builds and opens an endpoint; emits it once bound. */
  public Mono<UdpEndpoint> bind() {
    return Mono.defer(() -> build().open());
  }

  /**
   * Builds and opens an endpoint, waiting at most {@code timeout}. Blocking: never call it on an
   * event loop or a Reactor non-blocking thread.
   *
   * @throws IllegalStateException naming the address when binding fails or times out
   */
  public UdpEndpoint bindNow(Duration timeout) {
    return build().openNow(timeout);
  }

  @Override
  public String toString() {
    return "UdpEndpointBuilder" + configuration();
  }
}
