package org.jipv8.reactor.sim;

/**
 * How a simulated NAT maps and filters (RFC 4787 terms). In every type a mapping is created by the
 * first datagram an inside endpoint sends, and inbound datagrams without a mapping are dropped.
 */
public enum NatType {
  /** One external port per inside endpoint; any outside host may send to it once it exists. */
  FULL_CONE,
  /**
   * One external port per inside endpoint; inbound only from an IP address the inside endpoint has
   * sent to (any port of that IP).
   */
  ADDRESS_RESTRICTED,
  /**
   * One external port per inside endpoint; inbound only from an exact IP and port the inside
   * endpoint has sent to.
   */
  PORT_RESTRICTED,
  /**
   * A different external port for every destination (IP and port); inbound on that port only from
   * exactly that destination. Hole punching through a third party's introduction fails, as it does
   * on the internet.
   */
  SYMMETRIC
}
