package org.jipv8.reactor.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.peer.Peer;

/**
 * Deterministic stand-in public keys for bookkeeping tests: the Network and the strategies only use
 * a key's bytes and mid, never its cryptography. Not for signing or verifying.
 */
public final class FakeKeys {
  private FakeKeys() {}

  /** A key whose bytes are derived from {@code seed} (equal seeds give equal keys). */
  public static PublicKey key(long seed) {
    byte[] bin = new byte[42];
    byte[] tag = "FAKEKEY:".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tag, 0, bin, 0, tag.length);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = tag.length; i < bin.length; i++) {
      bin[i] = (byte) r.nextInt(256);
    }
    return new FakeKey(bin);
  }

  /** A remote peer with key {@code seed} at {@code host:port} (IPv4), met directly. */
  public static Peer peer(long seed, String host, int port, LongSupplier clock) {
    return new Peer(key(seed), Address.ipv4(host, port), false, clock);
  }

  /** A remote peer with key {@code seed} at {@code host:port} on a clock stuck at 1000 ms. */
  public static Peer peer(long seed, String host, int port) {
    return peer(seed, host, port, () -> 1000L);
  }

  private record FakeKey(byte[] bin) implements PublicKey {
    @Override
    public KeyType type() {
      return KeyType.CURVE25519;
    }

    @Override
    public byte[] toBin() {
      return bin.clone();
    }

    @Override
    public byte[] mid() {
      try {
        return MessageDigest.getInstance("SHA-1").digest(bin);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int signatureLength() {
      return 64;
    }

    @Override
    public boolean verify(
        byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FakeKey other && Arrays.equals(bin, other.bin);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bin);
    }

    @Override
    public String toString() {
      return "FakeKey";
    }
  }
}
