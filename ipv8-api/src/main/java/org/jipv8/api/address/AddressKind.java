package org.jipv8.api.address;

/**
 * What an {@link Address} is, as far as IPv8 cares. The kind never takes part in equality; it only
 * decides which slot of a peer's address table an address lands in, which interface a datagram
 * leaves from, and whether new-style (IPv6-capable) messages must be used.
 */
public enum AddressKind {
  /** An IPv4 address as seen on the wire (a UDP source or a decoded address field). */
  UDPV4,
  /** An IPv4 address a peer claims for itself on its LAN; never preferred for sending. */
  UDPV4_LAN,
  /** An IPv6 address. */
  UDPV6,
  /** A host name; only appears in the {@code address} serializer format. */
  DOMAIN,
  /** An address whose family was not stated (configuration, tests). */
  UNTYPED
}
