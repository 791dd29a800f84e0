package org.jipv8.reactor.community;

import java.util.Set;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.SendFailedException;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Packets;
import reactor.core.publisher.Mono;

/**
 * The path of a message out of one community: encode and sign it with the community's prefix, count
 * it, and hand the datagram to the endpoint, either lazily with the outcome ({@link #send}) or at
 * once, fire-and-forget ({@link #sendNow}).
 *
 * <p>Threading: {@link #send}'s {@code Mono} may be subscribed anywhere and does its work on the
 * protocol thread; {@link #sendNow} runs on the protocol thread.
 */
final class Outbox {
  /** The largest UDP payload to an IPv4 destination. */
  static final int MAX_IPV4_PAYLOAD = 65_507;

  /** The largest UDP payload to an IPv6 destination. */
  static final int MAX_IPV6_PAYLOAD = 65_527;

  private final byte[] prefix;
  private final Peer myPeer;
  private final Endpoint endpoint;
  private final CommunityStatistics statistics;
  private final ProtocolThread protocol;
  private final Supplier<Set<AddressKind>> families;

  Outbox(
      byte[] prefix,
      Peer myPeer,
      Endpoint endpoint,
      CommunityStatistics statistics,
      ProtocolThread protocol,
      Supplier<Set<AddressKind>> families) {
    this.prefix = prefix.clone();
    this.myPeer = myPeer;
    this.endpoint = endpoint;
    this.statistics = statistics;
    this.protocol = protocol;
    this.families = families;
  }

  /** See {@code Community.send(Address, Record)}. */
  Mono<Void> send(Address address, Record message) {
    Message m = Invokers.annotation(message.getClass());
    return protocol
        .call(() -> encodeChecked(address, message, m))
        .flatMap(packet -> endpoint.write(address, packet));
  }

  private byte[] encodeChecked(Address address, Record message, Message m) {
    Set<AddressKind> have = families.get();
    if (!have.isEmpty() && !have.contains(OwnAddresses.family(address))) {
      statistics.countDrop(DropReason.NO_ADDRESS_FAMILY, m.id());
      throw new SendFailedException(
          DropReason.NO_ADDRESS_FAMILY,
          "no interface of the family of " + address + " (the node has " + have + ")");
    }
    long globalTime = m.globalTime() ? myPeer.claimGlobalTime() : 0;
    byte[] packet = Packets.encode(prefix, message, myPeer.privateKey(), globalTime);
    int max = address.isIpv6() ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD;
    if (packet.length > max) {
      statistics.countDrop(DropReason.TOO_LARGE, m.id());
      throw new SendFailedException(
          DropReason.TOO_LARGE,
          message.getClass().getSimpleName()
              + " to "
              + address
              + " is "
              + packet.length
              + " bytes; a UDP payload holds at most "
              + max);
    }
    statistics.countSent(m.id(), packet.length);
    return packet;
  }

  /** Sends now with a fresh global time if the type declares one (protocol thread). */
  void sendNow(Address address, Record message) {
    Message m = Invokers.annotation(message.getClass());
    sendNow(address, message, myPeer, m.globalTime() ? myPeer.claimGlobalTime() : 0);
  }

  /** Sends now, signed by {@code signer} if the type is signed (protocol thread). */
  void sendNow(Address address, Record message, Peer signer, long globalTime) {
    Message m = Invokers.annotation(message.getClass());
    byte[] packet = Packets.encode(prefix, message, signer.privateKey(), globalTime);
    statistics.countSent(m.id(), packet.length);
    endpoint.send(address, packet);
  }
}
