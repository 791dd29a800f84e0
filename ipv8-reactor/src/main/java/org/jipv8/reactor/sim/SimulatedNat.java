package org.jipv8.reactor.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.address.Address;

/**
 * A NAT device of a {@link SimulatedNetwork}: one public IP address in front of a private LAN.
 * Endpoints created with {@link #newEndpoint()} live on the LAN; they reach each other directly by
 * their LAN addresses and reach everything else through the NAT, which maps and filters according
 * to its {@link NatType}. Mappings never expire.
 *
 * <p>Threading: safe from any thread (state is guarded by the network's lock).
 */
public final class SimulatedNat {
  /** External ports are handed out upwards from here, one per mapping. */
  private static final int FIRST_EXTERNAL_PORT = 20_000;

  private final SimulatedNetwork network;
  private final NatType type;
  private final String publicIp;
  private final int index;
  private final List<SimulatedEndpoint> inside = new ArrayList<>();
  private final Map<Object, Mapping> mappingsByKey = new HashMap<>();
  private final Map<Integer, Mapping> mappingsByPort = new HashMap<>();
  private int nextPort = FIRST_EXTERNAL_PORT;

  /** One external port: who is behind it and whom they contacted through it. */
  private static final class Mapping {
    final SimulatedEndpoint endpoint;
    final Address external;
    final Set<String> contactedIps = new HashSet<>();
    final Set<Address> contactedAddresses = new HashSet<>();

    Mapping(SimulatedEndpoint endpoint, Address external) {
      this.endpoint = endpoint;
      this.external = external;
    }
  }

  private record SymmetricKey(SimulatedEndpoint endpoint, Address destination) {}

  SimulatedNat(SimulatedNetwork network, NatType type, String publicIp, int index) {
    this.network = network;
    this.type = type;
    this.publicIp = publicIp;
    this.index = index;
  }

  /** The NAT's behaviour. */
  public NatType type() {
    return type;
  }

  /** The public IP address (a loopback-looking {@code 127.x.y.z}). */
  public String publicIp() {
    return publicIp;
  }

  /** A new endpoint on this NAT's LAN, with the next free LAN address ({@code 10.x.y.z:8090}). */
  public SimulatedEndpoint newEndpoint() {
    return network.newEndpointBehind(this);
  }

  /** The endpoints on this NAT's LAN, in creation order. */
  public List<SimulatedEndpoint> endpoints() {
    synchronized (network.lock()) {
      return List.copyOf(inside);
    }
  }

  /**
   * The external address the NAT uses for datagrams from {@code endpoint} to {@code destination},
   * or null when no such mapping exists yet.
   */
  public Address externalAddress(SimulatedEndpoint endpoint, Address destination) {
    synchronized (network.lock()) {
      Mapping m = mappingsByKey.get(keyOf(endpoint, destination));
      return m == null ? null : m.external;
    }
  }

  // ---------------------------------------------------------------- network side (lock held)

  int index() {
    return index;
  }

  String lanAddressFor(int hostNumber) {
    return "10." + ((index >> 8) & 0xff) + "." + (index & 0xff) + "." + hostNumber;
  }

  void attach(SimulatedEndpoint endpoint) {
    inside.add(endpoint);
  }

  /** Translates an outbound datagram: the source address the outside world will see. */
  Address outbound(SimulatedEndpoint from, Address destination) {
    Object key = keyOf(from, destination);
    Mapping m = mappingsByKey.get(key);
    if (m == null) {
      int port = nextPort++;
      m = new Mapping(from, Address.ipv4(publicIp, port));
      mappingsByKey.put(key, m);
      mappingsByPort.put(port, m);
    }
    m.contactedIps.add(destination.host());
    m.contactedAddresses.add(destination);
    return m.external;
  }

  /** The inside endpoint an inbound datagram reaches, or null when the NAT drops it. */
  SimulatedEndpoint inbound(int externalPort, Address source) {
    Mapping m = mappingsByPort.get(externalPort);
    if (m == null) {
      return null;
    }
    boolean allowed =
        switch (type) {
          case FULL_CONE -> true;
          case ADDRESS_RESTRICTED -> m.contactedIps.contains(source.host());
          case PORT_RESTRICTED, SYMMETRIC -> m.contactedAddresses.contains(source);
        };
    return allowed ? m.endpoint : null;
  }

  boolean isInside(SimulatedEndpoint endpoint) {
    return endpoint.nat() == this;
  }

  private Object keyOf(SimulatedEndpoint endpoint, Address destination) {
    return type == NatType.SYMMETRIC ? new SymmetricKey(endpoint, destination) : endpoint;
  }

  @Override
  public String toString() {
    return "SimulatedNat[" + type + ", " + publicIp + ", " + inside.size() + " inside]";
  }
}
