package org.jipv8.reactor.config;

import java.util.function.Supplier;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.crypto.Keys;

/**
 * Keys that live in memory only, for {@link ConfigBuilder#addEphemeralKey}: the API cannot create
 * keys, so the engine supplies them.
 */
public final class EphemeralKeys {
  private EphemeralKeys() {}

  /** Supplies a fresh curve25519 private key in py-ipv8's binary form on each call. */
  public static Supplier<byte[]> curve25519() {
    return () -> Keys.generate(KeyType.CURVE25519).toPrivateBin();
  }

  /**
   * py-ipv8's {@code add_ephemeral_key(alias)}: adds a fresh curve25519 key under {@code alias},
   * kept in memory only ({@code bin} set, {@code file} empty).
   */
  public static ConfigBuilder addEphemeralKey(ConfigBuilder builder, String alias) {
    return builder.addEphemeralKey(alias, curve25519());
  }
}
