package org.jipv8.reactor.dht;

import java.util.Objects;
import org.jipv8.api.keys.PublicKey;

/**
 * One value found in the DHT.
 *
 * @param data the stored bytes (never null)
 * @param signer the verified signer of a signed value, or null for an unsigned value
 * @param version the signer's version (seconds when signed; 0 for unsigned values)
 */
public record DhtValue(byte[] data, PublicKey signer, long version) {
  public DhtValue {
    Objects.requireNonNull(data, "data");
  }

  /** Whether the value was signed (and its signature verified). */
  public boolean signed() {
    return signer != null;
  }
}
