package org.jipv8.reactor.dht;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * The serialized form of DHT values, as py-ipv8 stores and sends them.
 *
 * <pre>
 * unsigned: 00 | data
 * signed:   01 | u16 length | data | u32 version | u16 length | public key | signature
 * </pre>
 *
 * The signature covers every byte before it, the type byte included. A serialized value has at most
 * {@link #MAX_ENTRY_SIZE} bytes. Stateless and thread-safe.
 */
public final class DhtValues {
  /** The largest serialized value py-ipv8 stores or sends. */
  public static final int MAX_ENTRY_SIZE = 170;

  static final int TYPE_UNSIGNED = 0;
  static final int TYPE_SIGNED = 1;

  private DhtValues() {}

  /** {@code 00 | data}. */
  public static byte[] unsigned(byte[] data) {
    byte[] out = new byte[data.length + 1];
    System.arraycopy(data, 0, out, 1, data.length);
    return out;
  }

  /**
   * A value signed by {@code key} with {@code version} (py-ipv8 uses the signing time in seconds).
   *
   * @throws IllegalArgumentException when the data exceeds 65535 bytes or the version is not a u32
   */
  public static byte[] signed(byte[] data, long version, PrivateKey key) {
    if (data.length > 0xFFFF) {
      throw new IllegalArgumentException("value data has at most 65535 bytes: " + data.length);
    }
    if (version < 0 || version > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a value version is a u32, was " + version);
    }
    byte[] keyBin = key.publicKey().toBin();
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + keyBin.length + 80);
    out.write(TYPE_SIGNED);
    u16(out, data.length);
    out.writeBytes(data);
    out.write((int) (version >>> 24));
    out.write((int) (version >>> 16));
    out.write((int) (version >>> 8));
    out.write((int) version);
    u16(out, keyBin.length);
    out.writeBytes(keyBin);
    byte[] body = out.toByteArray();
    out.writeBytes(key.sign(body));
    return out.toByteArray();
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  /**
   * Parses and verifies a serialized value. Empty when the type byte is unknown, a field runs past
   * the end, the key does not parse or the signature does not verify; never throws for bad input.
   */
  public static Optional<DhtValue> parse(byte[] value) {
    if (value == null || value.length == 0) {
      return Optional.empty();
    }
    if (value[0] == TYPE_UNSIGNED) {
      return Optional.of(new DhtValue(Arrays.copyOfRange(value, 1, value.length), null, 0));
    }
    if (value[0] != TYPE_SIGNED) {
      return Optional.empty();
    }
    int at = 1;
    if (value.length < at + 2) {
      return Optional.empty();
    }
    int dataLen = u16(value, at);
    at += 2;
    if (value.length < at + dataLen + 4 + 2) {
      return Optional.empty();
    }
    byte[] data = Arrays.copyOfRange(value, at, at + dataLen);
    at += dataLen;
    long version =
        ((long) (value[at] & 0xff) << 24)
            | ((value[at + 1] & 0xff) << 16)
            | ((value[at + 2] & 0xff) << 8)
            | (value[at + 3] & 0xff);
    at += 4;
    int keyLen = u16(value, at);
    at += 2;
    if (value.length < at + keyLen) {
      return Optional.empty();
    }
    PublicKey key;
    try {
      key = Keys.publicFromBin(Arrays.copyOfRange(value, at, at + keyLen));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    at += keyLen;
    int sigLen = key.signatureLength();
    int signedEnd = value.length - sigLen;
    // As py-ipv8 does, the signature is the last bytes of the value, over everything before them.
    if (signedEnd < at || !key.verify(value, 0, signedEnd, value, signedEnd)) {
      return Optional.empty();
    }
    return Optional.of(new DhtValue(data, key, version));
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  /**
   * The storage id of a parsed value: SHA-1 of the signer's public key for a signed value (so a
   * signer has one value per key), SHA-1 of the whole serialized value otherwise.
   */
  static byte[] storageId(byte[] serialized, DhtValue parsed) {
    return sha1(parsed.signed() ? parsed.signer().toBin() : serialized);
  }

  /**
   * What py-ipv8's {@code find_values} returns for serialized values: values that do not verify are
   * skipped; for each signer (in order of first appearance) the data of its highest version; then
   * every unsigned value in order.
   */
  public static List<DhtValue> latestPerSigner(List<byte[]> serialized) {
    Map<ByteKey, DhtValue> signed = new LinkedHashMap<>();
    List<DhtValue> unsigned = new ArrayList<>();
    for (byte[] value : serialized) {
      Optional<DhtValue> parsed = parse(value);
      if (parsed.isEmpty()) {
        continue;
      }
      DhtValue v = parsed.get();
      if (!v.signed()) {
        unsigned.add(v);
        continue;
      }
      ByteKey signer = new ByteKey(v.signer().toBin());
      DhtValue best = signed.get(signer);
      if (best == null || v.version() > best.version()) {
        signed.put(signer, v);
      }
    }
    List<DhtValue> out = new ArrayList<>(signed.values());
    out.addAll(unsigned);
    return out;
  }

  static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available", e);
    }
  }
}
