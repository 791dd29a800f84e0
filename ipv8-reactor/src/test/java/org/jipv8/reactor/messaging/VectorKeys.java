package org.jipv8.reactor.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.testing.Vectors;

/** The deterministic private keys of keys.json by name ("curve25519-0" ...). */
final class VectorKeys {
  private VectorKeys() {}

  static PrivateKey byName(String name) {
    for (JsonNode k : Vectors.load("keys.json").get("curve25519_keys")) {
      if (k.get("name").asText().equals(name)) {
        return Keys.privateFromBin(Vectors.hex(k.get("private_key_bin_hex")));
      }
    }
    throw new AssertionError("no key named " + name + " in keys.json");
  }
}
