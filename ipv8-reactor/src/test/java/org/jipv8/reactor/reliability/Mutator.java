package org.jipv8.reactor.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * A seeded mutation engine for datagrams: one call picks a seed and applies one to three of the
 * mutations a hostile sender would try (bit flips, truncation, extension, a field at an extreme, a
 * huge global time, a swapped key, another community's prefix, a splice, pure noise). The same seed
 * always yields the same sequence, so a failure names the input that caused it.
 */
final class Mutator {
  /** The mutations, for the per-kind tally. */
  enum Kind {
    BIT_FLIP,
    TRUNCATE,
    EXTEND,
    MESSAGE_ID,
    KEY_LENGTH,
    GLOBAL_TIME,
    SWAP_KEY,
    REPREFIX,
    U16_EXTREME,
    SPLICE,
    NOISE,
    UNCHANGED
  }

  private static final int[] EXTREME_IDS = {0, 1, 2, 230, 231, 232, 233, 234, 245, 246, 249, 250};
  private static final int[] EXTREME_U16 = {0, 1, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};

  private final SplittableRandom random;
  private final List<byte[]> seeds;
  private final List<byte[]> prefixes;
  private final byte[][] otherKeys;
  private final long[] kindCounts = new long[Kind.values().length];

  Mutator(long seed, List<byte[]> seeds, List<byte[]> prefixes) {
    this.random = new SplittableRandom(seed);
    this.seeds = List.copyOf(seeds);
    this.prefixes = List.copyOf(prefixes);
    java.security.SecureRandom keyRandom;
    try {
      keyRandom = java.security.SecureRandom.getInstance("SHA1PRNG");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    keyRandom.setSeed(seed);
    PrivateKey c = Keys.generate(KeyType.CURVE25519, keyRandom);
    this.otherKeys = new byte[][] {c.publicKey().toBin()};
  }

  /** How often each mutation was applied. */
  long count(Kind kind) {
    return kindCounts[kind.ordinal()];
  }

  /** The next input. */
  byte[] next() {
    if (random.nextInt(50) == 0) {
      kindCounts[Kind.NOISE.ordinal()]++;
      return noise();
    }
    byte[] p = seeds.get(random.nextInt(seeds.size())).clone();
    if (p.length >= 22 && random.nextInt(10) < 6) {
      // Most vector packets belong to communities the node does not run; give most of them a
      // prefix it listens on, so their bodies reach the decoders.
      System.arraycopy(prefixes.get(random.nextInt(prefixes.size())), 0, p, 0, 22);
    }
    if (random.nextInt(40) == 0) {
      kindCounts[Kind.UNCHANGED.ordinal()]++;
      return p;
    }
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      p = mutate(p);
    }
    return p;
  }

  private byte[] noise() {
    byte[] p = new byte[random.nextInt(random.nextBoolean() ? 64 : 1600)];
    random.nextBytes(p);
    if (p.length >= 22 && random.nextBoolean()) {
      System.arraycopy(prefixes.get(random.nextInt(prefixes.size())), 0, p, 0, 22);
    }
    return p;
  }

  private byte[] mutate(byte[] p) {
    Kind kind = Kind.values()[random.nextInt(Kind.NOISE.ordinal())];
    kindCounts[kind.ordinal()]++;
    switch (kind) {
      case BIT_FLIP -> {
        if (p.length > 0) {
          int flips = 1 + random.nextInt(8);
          for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(p.length * 8);
            p[bit / 8] ^= (byte) (1 << (bit % 8));
          }
        }
        return p;
      }
      case TRUNCATE -> {
        return Arrays.copyOf(p, p.length == 0 ? 0 : random.nextInt(p.length));
      }
      case EXTEND -> {
        int extra = random.nextBoolean() ? 1 + random.nextInt(8) : 1 + random.nextInt(2000);
        byte[] q = Arrays.copyOf(p, p.length + extra);
        if (random.nextBoolean()) {
          byte[] tail = new byte[extra];
          random.nextBytes(tail);
          System.arraycopy(tail, 0, q, p.length, extra);
        }
        return q;
      }
      case MESSAGE_ID -> {
        if (p.length > 22) {
          p[22] =
              (byte)
                  (random.nextBoolean()
                      ? EXTREME_IDS[random.nextInt(EXTREME_IDS.length)]
                      : random.nextInt(256));
        }
        return p;
      }
      case KEY_LENGTH -> {
        if (p.length > 24) {
          int v =
              random.nextBoolean()
                  ? EXTREME_U16[random.nextInt(EXTREME_U16.length)]
                  : Math.max(0, p.length - 25 - random.nextInt(70));
          putU16(p, 23, v);
        }
        return p;
      }
      case GLOBAL_TIME -> {
        // Signed packets: after the key; unsigned ones: right after the id.
        int at = 23;
        if (p.length > 25) {
          int keyLen = ((p[23] & 0xff) << 8) | (p[24] & 0xff);
          if (25 + keyLen + 8 <= p.length && random.nextBoolean()) {
            at = 25 + keyLen;
          }
        }
        if (at + 8 <= p.length) {
          long t = FuzzCorpus.EXTREME_TIMES[random.nextInt(FuzzCorpus.EXTREME_TIMES.length)];
          for (int i = 0; i < 8; i++) {
            p[at + i] = (byte) (t >>> (56 - 8 * i));
          }
        }
        return p;
      }
      case SWAP_KEY -> {
        if (p.length > 25) {
          int keyLen = ((p[23] & 0xff) << 8) | (p[24] & 0xff);
          byte[] other = otherKeys[random.nextInt(otherKeys.length)];
          if (25 + keyLen <= p.length) {
            byte[] q = new byte[p.length - keyLen + other.length];
            System.arraycopy(p, 0, q, 0, 23);
            putU16(q, 23, other.length);
            System.arraycopy(other, 0, q, 25, other.length);
            System.arraycopy(p, 25 + keyLen, q, 25 + other.length, p.length - 25 - keyLen);
            return q;
          }
        }
        return p;
      }
      case REPREFIX -> {
        if (p.length >= 22) {
          System.arraycopy(prefixes.get(random.nextInt(prefixes.size())), 0, p, 0, 22);
        }
        return p;
      }
      case U16_EXTREME -> {
        if (p.length > 24) {
          putU16(p, 23 + random.nextInt(p.length - 24), EXTREME_U16[random.nextInt(6)]);
        }
        return p;
      }
      case SPLICE -> {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int cut = p.length == 0 ? 0 : random.nextInt(p.length);
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        byte[] q = Arrays.copyOf(p, cut + other.length - from);
        System.arraycopy(other, from, q, cut, other.length - from);
        return q;
      }
      default -> {
        return p;
      }
    }
  }

  private static void putU16(byte[] p, int at, int v) {
    p[at] = (byte) (v >>> 8);
    p[at + 1] = (byte) v;
  }
}
