package org.jipv8.examples.interop;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The DHT part of an interop run: {@code --with-dht}, {@code --dht-store KEY_HEX=VALUE_HEX}, {@code
 * --dht-find KEY_HEX} and {@code --dht-connect MID_HEX}.
 *
 * @param enabled whether the node also runs DHTDiscoveryCommunity (RandomWalk + PingChurn)
 * @param stores (key, value) pairs to store, signed
 * @param finds keys whose values to find
 * @param connects mids of peers to locate
 */
public record DhtOptions(
    boolean enabled, List<Store> stores, List<byte[]> finds, List<byte[]> connects) {

  /** One {@code --dht-store}. */
  public record Store(byte[] key, byte[] value) {}

  /** No DHT. */
  public static final DhtOptions NONE = new DhtOptions(false, List.of(), List.of(), List.of());

  public DhtOptions {
    stores = List.copyOf(stores);
    finds = List.copyOf(finds);
    connects = List.copyOf(connects);
    if (!enabled && (!stores.isEmpty() || !finds.isEmpty() || !connects.isEmpty())) {
      throw new IllegalArgumentException(
          "--dht-store, --dht-find and --dht-connect need --with-dht");
    }
  }

  /**
   * Parses the command-line values.
   *
   * @throws IllegalArgumentException naming the flag and what is wrong with its value
   */
  public static DhtOptions parse(
      boolean enabled, List<String> stores, List<String> finds, List<String> connects) {
    List<Store> s = new ArrayList<>();
    for (String text : stores) {
      int eq = text.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--dht-store: expected KEY_HEX=VALUE_HEX, got " + text);
      }
      s.add(
          new Store(
              hex20("--dht-store", text.substring(0, eq)),
              hex("--dht-store", text.substring(eq + 1))));
    }
    List<byte[]> f = new ArrayList<>();
    finds.forEach(k -> f.add(hex20("--dht-find", k)));
    List<byte[]> c = new ArrayList<>();
    connects.forEach(m -> c.add(hex20("--dht-connect", m)));
    return new DhtOptions(enabled, s, f, c);
  }

  private static byte[] hex(String flag, String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": not hex: " + text);
    }
  }

  private static byte[] hex20(String flag, String text) {
    byte[] b = hex(flag, text);
    if (b.length != 20) {
      throw new IllegalArgumentException(
          flag + ": a DHT key or mid has 20 bytes (40 hex digits), got " + b.length);
    }
    return b;
  }
}
