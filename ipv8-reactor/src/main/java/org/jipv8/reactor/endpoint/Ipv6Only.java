package org.jipv8.reactor.endpoint;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.UnixChannel;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets IPV6_V6ONLY on an IPv6 datagram channel before it is bound.
 *
 * <p>Java has no standard socket option for it ({@code StandardSocketOptions} lacks it and NIO
 * datagram channels are always dual-stack), but Netty's native transports accept raw {@code
 * setsockopt} options. So on epoll (Linux) and kqueue (macOS, BSD) the option is set and read back
 * with {@code getsockopt}; on the NIO transport it cannot be set and the socket stays dual-stack,
 * which only matters for the wildcard address {@code ::}.
 */
final class Ipv6Only {
  private static final Logger LOG = LoggerFactory.getLogger(Ipv6Only.class);

  /** IPPROTO_IPV6 is 41 on Linux, macOS and the BSDs. */
  private static final int IPPROTO_IPV6 = 41;

  /** IPV6_V6ONLY: 26 on Linux, 27 on macOS and the BSDs. */
  private static final int LINUX_IPV6_V6ONLY = 26;

  private static final int BSD_IPV6_V6ONLY = 27;

  private Ipv6Only() {}

  /**
   * Sets the option on {@code channel} (not yet bound) and returns the value read back from the
   * socket, or null when the transport cannot set it.
   */
  static Integer apply(Channel channel) {
    ChannelOption<Integer> option = optionFor(channel);
    if (option == null) {
      LOG.debug(
          "IPV6_V6ONLY cannot be set on {} (not a native transport); the IPv6 socket is dual-stack",
          channel.getClass().getSimpleName());
      return null;
    }
    boolean set = channel.config().setOption(option, 1);
    Integer readBack = channel.config().getOption(option);
    if (!set || readBack == null || readBack != 1) {
      LOG.warn(
          "IPV6_V6ONLY could not be set on {} (read back {}); the IPv6 socket may see IPv4 traffic",
          channel,
          readBack);
    }
    return readBack;
  }

  private static ChannelOption<Integer> optionFor(Channel channel) {
    if (!(channel instanceof UnixChannel)) {
      return null;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("linux")) {
      return new IntegerUnixChannelOption("IPV6_V6ONLY", IPPROTO_IPV6, LINUX_IPV6_V6ONLY);
    }
    if (os.contains("mac") || os.contains("bsd") || os.contains("darwin")) {
      return new IntegerUnixChannelOption("IPV6_V6ONLY", IPPROTO_IPV6, BSD_IPV6_V6ONLY);
    }
    return null;
  }
}
