package org.jipv8.reactor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.crypto.Keys;
import org.junit.jupiter.api.Test;

/** Mirrors py-ipv8's test_add_ephemeral_key; needs the crypto module's key generation. */
class EphemeralKeysTest {

  @Test
  void ephemeralKeyIsAFreshCurve25519KeyKeptInMemory() {
    List<KeyConfig> keys =
        EphemeralKeys.addEphemeralKey(ConfigBuilder.fromDefaults(), "my new key")
            .finalizeConfig()
            .keys();

    KeyConfig added = keys.get(keys.size() - 1);
    assertEquals(2, keys.size());
    assertEquals("my new key", added.alias());
    assertEquals("", added.file());
    assertEquals(KeyType.CURVE25519, Keys.privateFromBin(added.binBytes()).type());
  }

  @Test
  void eachEphemeralKeyIsNew() {
    assertNotEquals(
        List.of(EphemeralKeys.curve25519().get()), List.of(EphemeralKeys.curve25519().get()));
  }

  /** Skips (not passes) until the crypto branch fills in {@code Keys.generate}. */
}
