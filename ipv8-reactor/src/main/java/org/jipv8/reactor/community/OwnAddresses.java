package org.jipv8.reactor.community;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.endpoint.DispatcherEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What one community believes its own addresses are: the machine's LAN addresses (refreshed
 * periodically), the LAN and WAN estimates, the node's interface families (every child of a
 * dual-stack {@link DispatcherEndpoint}) and the address of each family it advertises.
 *
 * <p>Threading: the estimates are volatile so that getters are safe anywhere; they change on the
 * protocol thread (the LAN refresh result arrives on the verification scheduler and is one volatile
 * write).
 */
final class OwnAddresses {
  private static final Logger log = LoggerFactory.getLogger(Community.class);

  private final Endpoint endpoint;
  private final Peer myPeer;
  private final LanAddressProvider provider;
  private final Scheduler background;
  private final Supplier<String> owner;
  private volatile List<String> lanAddresses = List.of();
  private volatile Address myEstimatedLan;
  private volatile Address myEstimatedWan;

  /** The WAN estimate starts as the LAN estimate of now (normally 0.0.0.0:0), as in py-ipv8. */
  OwnAddresses(
      Endpoint endpoint,
      Peer myPeer,
      LanAddressProvider provider,
      Scheduler background,
      Supplier<String> owner) {
    this.endpoint = endpoint;
    this.myPeer = myPeer;
    this.provider = provider;
    this.background = background;
    this.owner = owner;
    this.myEstimatedWan = myEstimatedLan();
    this.myEstimatedLan = null;
  }

  static AddressKind family(Address a) {
    return a.isIpv6() ? AddressKind.UDPV6 : AddressKind.UDPV4;
  }

  List<String> lanAddresses() {
    return lanAddresses;
  }

  boolean addressIsLan(String host) {
    return lanAddresses.contains(host);
  }

  /** Refreshes the LAN addresses in the background (the periodic task). */
  void refreshLan() {
    refreshNow().subscribe(null, e -> log.warn("{}: LAN address discovery failed", owner.get(), e));
  }

  /** Refreshes the LAN addresses; completes when done. */
  Mono<Void> refreshNow() {
    return Mono.fromCallable(provider::lanAddresses)
        .subscribeOn(background)
        .doOnNext(list -> lanAddresses = List.copyOf(list))
        .then();
  }

  private boolean ipv6Listener() {
    Address local = localAddress(endpoint);
    return local != null && local.isIpv6();
  }

  private static Address localAddress(Endpoint e) {
    try {
      return e.localAddress();
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** See {@code Community.myEstimatedLan()}. */
  Address myEstimatedLan() {
    if (!endpoint.isOpen()) {
      return ipv6Listener() ? Address.ipv6("::1", 0) : Address.NULL;
    }
    Address cached = myEstimatedLan;
    if (cached == null) {
      boolean v6 = ipv6Listener();
      String host = v6 ? "::1" : "127.0.0.1";
      for (String a : lanAddresses) {
        if ((a.indexOf(':') >= 0) == v6) {
          host = a;
          break;
        }
      }
      int port = endpoint.localAddress().port();
      cached = v6 ? Address.ipv6(host, port) : Address.ipv4(host, port);
      myEstimatedLan = cached;
    }
    return cached;
  }

  void setMyEstimatedLan(Address address) {
    this.myEstimatedLan = Objects.requireNonNull(address, "address");
  }

  Address myEstimatedWan() {
    return myEstimatedWan;
  }

  void setMyEstimatedWan(Address address) {
    this.myEstimatedWan = Objects.requireNonNull(address, "address");
  }

  /**
   * The families of the node's interfaces: both children of a dual-stack dispatcher, else the
   * family of the endpoint's bound address. Empty while nothing is bound.
   */
  Set<AddressKind> interfaceFamilies() {
    if (endpoint instanceof DispatcherEndpoint d) {
      Set<AddressKind> out = EnumSet.noneOf(AddressKind.class);
      if (d.ipv4() != null && localAddress(d.ipv4()) != null) {
        out.add(AddressKind.UDPV4);
      }
      if (d.ipv6() != null && localAddress(d.ipv6()) != null) {
        out.add(AddressKind.UDPV6);
      }
      return Set.copyOf(out);
    }
    Address local = localAddress(endpoint);
    return local == null ? Set.of() : Set.of(family(local));
  }

  /** The bound address of the node's interface of {@code family}, or null. */
  private Address boundAddressOf(AddressKind family) {
    if (endpoint instanceof DispatcherEndpoint d) {
      Endpoint child = family == AddressKind.UDPV6 ? d.ipv6() : d.ipv4();
      return child == null ? null : localAddress(child);
    }
    Address local = localAddress(endpoint);
    return local != null && (family == AddressKind.UDPV4 || family(local) == family) ? local : null;
  }

  /**
   * Our own address of {@code family}: the own peer's slot of that family, else a guess (IPv4: the
   * first LAN IPv4 address or 127.0.0.1 with the IPv4 interface's port; IPv6: the IPv6 interface's
   * bound address, or the first LAN IPv6 address or ::1 when it is bound to any address). Null when
   * no address of that family can be had.
   */
  Address ownAddressOf(AddressKind family) {
    Address slot = myPeer.addresses().get(family);
    if (slot != null) {
      return slot;
    }
    Address local = boundAddressOf(family);
    if (local == null) {
      return null;
    }
    if (family == AddressKind.UDPV4) {
      return Address.ipv4(firstLan(false, "127.0.0.1"), local.port());
    }
    if (family == AddressKind.UDPV6 && local.isIpv6()) {
      String host = local.host();
      if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
        host = firstLan(true, "::1");
      }
      return Address.ipv6(host, local.port());
    }
    return null;
  }

  private String firstLan(boolean v6, String otherwise) {
    for (String a : lanAddresses) {
      if ((a.indexOf(':') >= 0) == v6) {
        return a;
      }
    }
    return otherwise;
  }

  /**
   * See {@code Community.myPreferredAddress()}: for each of {@code families} missing from the own
   * peer's slots, store a guess of it; then the own peer's preferred address.
   */
  Address myPreferredAddress(
      Set<AddressKind> families, Function<AddressKind, Address> ownAddressOf) {
    for (AddressKind family : families) {
      if (myPeer.addresses().get(family) == null) {
        Address guess = ownAddressOf.apply(family);
        if (guess != null && family(guess) == family) {
          myPeer.addAddress(guess);
        }
      }
    }
    return myPeer.address();
  }
}
