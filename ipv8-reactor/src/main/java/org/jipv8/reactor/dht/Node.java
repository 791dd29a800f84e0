package org.jipv8.reactor.dht;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.PublicKey;

/**
 * A DHT node as seen from here: a public key at an address, with the node id that follows from both
 * ({@link NodeIds}). Immutable and thread-safe; equal when the public keys are equal (as py-ipv8's
 * peers are), whatever the address.
 */
public final class Node {
  private final PublicKey publicKey;
  private final byte[] publicKeyBin;
  private final Address address;
  private final byte[] mid;
  private final byte[] id;

  /**
   * A node.
   *
   * @throws IllegalArgumentException when the address is not an IP address
   */
  public Node(PublicKey publicKey, Address address) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.address = Objects.requireNonNull(address, "address");
    this.publicKeyBin = publicKey.toBin();
    this.mid = publicKey.mid();
    this.id = NodeIds.of(address, mid);
  }

  /** The node's public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The binary public key (a copy). */
  public byte[] publicKeyBin() {
    return publicKeyBin.clone();
  }

  /** Where the node is reachable. */
  public Address address() {
    return address;
  }

  /** SHA-1 of the public key (a copy). */
  public byte[] mid() {
    return mid.clone();
  }

  /** The 20-byte node id (a copy). */
  public byte[] id() {
    return id.clone();
  }

  /** The id without copying, for the package's hot paths. */
  byte[] idRef() {
    return id;
  }

  byte[] publicKeyRef() {
    return publicKeyBin;
  }

  byte[] midRef() {
    return mid;
  }

  /** The same key at another address. */
  Node at(Address other) {
    return other.equals(address) ? this : new Node(publicKey, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node n && Arrays.equals(publicKeyBin, n.publicKeyBin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKeyBin);
  }

  @Override
  public String toString() {
    return "Node[" + address + ", id " + HexFormat.of().formatHex(id) + "]";
  }
}
