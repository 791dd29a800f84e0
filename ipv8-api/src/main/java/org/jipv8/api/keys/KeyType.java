package org.jipv8.api.keys;

import java.util.Locale;

/**
 * The key families py-ipv8 understands, with the names its configuration uses ({@code generation}).
 * {@link #CURVE25519} is the default identity; the EC types are the older "M2Crypto" keys that the
 * public bootstrap servers still sign with.
 */
public enum KeyType {
  /** LibNaCL key: X25519 box key plus Ed25519 signing key; 64-byte signatures. */
  CURVE25519("curve25519", null, 64),
  /** sect163k1, 42-byte ECDSA-SHA1 signatures. */
  VERY_LOW("very-low", "sect163k1", 42),
  /** sect233k1, 60-byte signatures. */
  LOW("low", "sect233k1", 60),
  /** sect409k1, 104-byte signatures. */
  MEDIUM("medium", "sect409k1", 104),
  /** sect571r1, 144-byte signatures. */
  HIGH("high", "sect571r1", 144);

  private final String configName;
  private final String curve;
  private final int signatureLength;

  KeyType(String configName, String curve, int signatureLength) {
    this.configName = configName;
    this.curve = curve;
    this.signatureLength = signatureLength;
  }

  /** The name used in configuration files ({@code curve25519}, {@code very-low}, ...). */
  public String configName() {
    return configName;
  }

  /** The named EC curve, or null for curve25519. */
  public String curve() {
    return curve;
  }

  /** Signature length in bytes. */
  public int signatureLength() {
    return signatureLength;
  }

  /**
   * The type for a configuration name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static KeyType fromConfigName(String name) {
    for (KeyType t : values()) {
      if (t.configName.equals(name.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown key generation '"
            + name
            + "': use one of curve25519, very-low, low, medium, high");
  }
}
