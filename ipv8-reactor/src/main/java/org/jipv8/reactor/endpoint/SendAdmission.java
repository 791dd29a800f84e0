package org.jipv8.reactor.endpoint;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.SendFailedException;

/**
 * The checks a datagram passes before it may take room in the outbound queue: the loopback guard,
 * the UDP payload limit of the socket's family, the family itself, and whether the destination is
 * something a socket can send to at all (an IP literal with a port). Stateless apart from its
 * settings; any thread.
 */
final class SendAdmission {
  private final LoopbackGuard guard;
  private final boolean ipv6;
  private final int maxPayload;

  SendAdmission(LoopbackGuard guard, boolean ipv6) {
    this.guard = guard;
    this.ipv6 = ipv6;
    this.maxPayload = ipv6 ? UdpEndpoint.MAX_IPV6_PAYLOAD : UdpEndpoint.MAX_IPV4_PAYLOAD;
  }

  /** Why a datagram of {@code length} bytes to {@code destination} cannot be queued, or null. */
  DropReason check(Address destination, int length) {
    if (!guard.admit(destination)) {
      return DropReason.LOOPBACK_GUARD;
    }
    if (length > maxPayload) {
      return DropReason.TOO_LARGE;
    }
    if (ipv6 ? destination.isIpv4() : destination.isIpv6()) {
      return DropReason.NO_ADDRESS_FAMILY;
    }
    if (recipientOf(destination) == null) {
      return DropReason.SOCKET_ERROR;
    }
    return null;
  }

  /** The socket address of an admitted destination; null for one {@link #check} refuses. */
  InetSocketAddress recipientOf(Address destination) {
    if (destination.port() == 0) {
      return null;
    }
    boolean literal = ipv6 ? destination.isIpv6() : destination.isIpv4();
    if (!literal) {
      return null;
    }
    InetSocketAddress recipient = destination.toInetSocketAddress();
    InetAddress ip = recipient.getAddress();
    boolean familyMatches = ipv6 ? ip instanceof Inet6Address : ip instanceof Inet4Address;
    return familyMatches ? recipient : null;
  }

  /** The error of a {@code write} refused for {@code reason}. */
  SendFailedException refusal(Address local, DropReason reason, Address destination, int length) {
    String why =
        switch (reason) {
          case ENDPOINT_CLOSED -> "the endpoint is not open";
          case LOOPBACK_GUARD -> "the loopback-only guard refuses the destination";
          case TOO_LARGE -> length + " bytes exceed the " + maxPayload + "-byte UDP payload limit";
          case NO_ADDRESS_FAMILY ->
              "an " + (ipv6 ? "IPv6" : "IPv4") + " socket cannot reach that address family";
          case QUEUE_FULL -> "the outbound queue is full";
          default -> "the socket cannot send to it (a host name or port 0)";
        };
    return new SendFailedException(
        reason, local + ": datagram to " + destination + " not sent: " + why);
  }
}
