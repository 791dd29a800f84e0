package org.jipv8.reactor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * The nodes A, B and C of discovery.json: their keys (keys.json {@code curve25519-0/1/2}) and their
 * LAN and WAN addresses.
 */
public final class VectorIdentities {
  private VectorIdentities() {}

  /** A vector key by name ("curve25519-0" ...). */
  public static PrivateKey key(String name) {
    for (JsonNode k : Vectors.load("keys.json").get("curve25519_keys")) {
      if (k.get("name").asText().equals(name)) {
        return Keys.privateFromBin(Vectors.hex(k.get("private_key_bin_hex")));
      }
    }
    throw new AssertionError("no key named " + name + " in keys.json");
  }

  /** The key of node "A", "B" or "C". */
  public static PrivateKey nodeKey(String node) {
    return key(nodeJson(node).get("key").asText());
  }

  /** The LAN address of node "A", "B" or "C". */
  public static Address lan(String node) {
    return address(nodeJson(node).get("lan"));
  }

  /** The WAN address of node "A", "B" or "C". */
  public static Address wan(String node) {
    return address(nodeJson(node).get("wan"));
  }

  /** An {@code {"ip", "port"}} JSON object as an IPv4 address. */
  public static Address address(JsonNode json) {
    return Address.ipv4(json.get("ip").asText(), json.get("port").asInt());
  }

  /** A node of the vectors as a {@link TestNetwork} node with its key and addresses. */
  public static TestNode node(TestNetwork network, String node) {
    return network.node(nodeKey(node), lan(node), wan(node));
  }

  private static JsonNode nodeJson(String node) {
    JsonNode n = Vectors.load("discovery.json").get("nodes").get(node);
    if (n == null) {
      throw new AssertionError("no node " + node + " in discovery.json");
    }
    return n;
  }
}
