package org.jipv8.reactor.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Precomputed multiples of one curve point P for a fixed-point multiplication without most of the
 * doublings: for each of the 64 / {@code rounds} positions q, the affine points j * 16^(rounds * q)
 * * P for j = 1..8, each stored as (y+x, y-x, 2dxy). A multiplication by a scalar in signed
 * radix-16 digits ({@link Ed25519Scalars#digits}) then takes one addition per non-zero digit and 4
 * * (rounds - 1) doublings. One round: 512 points (60 KiB), no doublings; four rounds: 128 points
 * (15 KiB), 12 doublings. Immutable once built, so safe to share between threads.
 */
final class NielsTable {
  private static final int F = X25519Field.SIZE;
  private static final int ENTRY = 3 * F;
  private static final int MULTIPLES = 8;

  private final int rounds;
  private final int positions;
  private final int[] table;

  private NielsTable(int rounds, int[] table) {
    this.rounds = rounds;
    this.positions = 64 / rounds;
    this.table = table;
  }

  /**
   * The table of {@code p} for {@code rounds} (1, 2, 4 or 8). Variable time: public points only.
   */
  static NielsTable of(EdwardsPoint p, int rounds) {
    int positions = 64 / rounds;
    EdwardsPoint[] points = new EdwardsPoint[positions * MULTIPLES];
    EdwardsPoint base = new EdwardsPoint().set(p);
    for (int q = 0; q < positions; q++) {
      int at = q * MULTIPLES;
      points[at] = new EdwardsPoint().set(base);
      points[at + 1] = new EdwardsPoint().set(base).twice();
      for (int j = 2; j < MULTIPLES; j++) {
        points[at + j] = new EdwardsPoint().set(points[at + j - 1]).plus(base);
      }
      for (int i = 0; i < 4 * rounds; i++) {
        base.twice();
      }
    }
    return new NielsTable(rounds, toNiels(points));
  }

  /**
   * {@code out} = the sum of digits[i] * 16^i * P, negated when {@code negate}: the multiple of P
   * by the scalar whose signed radix-16 digits these are.
   */
  void multiply(byte[] digits, boolean negate, EdwardsPoint out) {
    out.identity();
    for (int r = rounds - 1; r >= 0; r--) {
      if (r < rounds - 1) {
        out.twice().twice().twice().twice();
      }
      for (int q = 0; q < positions; q++) {
        int digit = digits[q * rounds + r];
        if (digit != 0) {
          int magnitude = digit < 0 ? -digit : digit;
          out.plusNiels(table, (q * MULTIPLES + magnitude - 1) * ENTRY, (digit < 0) != negate);
        }
      }
    }
  }

  // Affine (y+x, y-x, 2dxy) of every point, with one inversion for all of them.
  private static int[] toNiels(EdwardsPoint[] points) {
    int n = points.length;
    int[] prefix = X25519Field.createTable(n);
    X25519Field.copy(points[0].z, 0, prefix, 0);
    int[] acc = X25519Field.create();
    int[] zi = X25519Field.create();
    for (int i = 1; i < n; i++) {
      X25519Field.copy(prefix, (i - 1) * F, acc, 0);
      X25519Field.mul(acc, points[i].z, acc);
      X25519Field.copy(acc, 0, prefix, i * F);
    }
    int[] inv = X25519Field.create();
    X25519Field.copy(prefix, (n - 1) * F, acc, 0);
    X25519Field.invVar(acc, inv);
    int[] out = new int[n * ENTRY];
    int[] x = X25519Field.create();
    int[] y = X25519Field.create();
    int[] v = X25519Field.create();
    for (int i = n - 1; i >= 0; i--) {
      // inv is 1 / (z_0 ... z_i) here: 1 / z_i = inv * (z_0 ... z_(i-1)).
      if (i > 0) {
        X25519Field.copy(prefix, (i - 1) * F, acc, 0);
        X25519Field.mul(inv, acc, zi);
        X25519Field.mul(inv, points[i].z, inv);
      } else {
        X25519Field.copy(inv, 0, zi, 0);
      }
      X25519Field.mul(points[i].x, zi, x);
      X25519Field.mul(points[i].y, zi, y);
      int at = i * ENTRY;
      X25519Field.add(y, x, v);
      X25519Field.carry(v);
      X25519Field.copy(v, 0, out, at);
      X25519Field.sub(y, x, v);
      X25519Field.carry(v);
      X25519Field.copy(v, 0, out, at + F);
      X25519Field.mul(x, y, v);
      X25519Field.mul(v, EdwardsPoint.D2, v);
      X25519Field.copy(v, 0, out, at + 2 * F);
    }
    return out;
  }
}
