package org.jipv8.reactor.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of the Ed25519 curve (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates (X:Y:Z:T), x =
 * X/Z, y = Y/Z, xy = T/Z: the working type of {@link PrecomputedVerifier}. Mutable and not
 * thread-safe; every operation writes into {@code this} and leaves its arguments unchanged.
 *
 * <p>Field elements are Bouncy Castle's ten-limb {@link X25519Field} arrays. Its multiplication
 * takes operands one addition or subtraction away from a product; results two steps away are
 * carried first.
 */
final class EdwardsPoint {
  /** d = -121665/121666. */
  static final int[] D = constantD();

  /** 2d. */
  static final int[] D2 = twice(D);

  final int[] x = X25519Field.create();
  final int[] y = X25519Field.create();
  final int[] z = X25519Field.create();
  final int[] t = X25519Field.create();

  // Scratch space, so the hot path allocates nothing.
  private final int[] a = X25519Field.create();
  private final int[] b = X25519Field.create();
  private final int[] c = X25519Field.create();
  private final int[] d = X25519Field.create();
  private final int[] e = X25519Field.create();
  private final int[] f = X25519Field.create();
  private final int[] g = X25519Field.create();
  private final int[] h = X25519Field.create();

  /** Sets this to the neutral element (0, 1). */
  EdwardsPoint identity() {
    X25519Field.zero(x);
    X25519Field.one(y);
    X25519Field.one(z);
    X25519Field.zero(t);
    return this;
  }

  /** Sets this to the affine point (px, py). */
  EdwardsPoint affine(int[] px, int[] py) {
    X25519Field.copy(px, 0, x, 0);
    X25519Field.copy(py, 0, y, 0);
    X25519Field.one(z);
    X25519Field.mul(px, py, t);
    return this;
  }

  /** Sets this to p. */
  EdwardsPoint set(EdwardsPoint p) {
    X25519Field.copy(p.x, 0, x, 0);
    X25519Field.copy(p.y, 0, y, 0);
    X25519Field.copy(p.z, 0, z, 0);
    X25519Field.copy(p.t, 0, t, 0);
    return this;
  }

  /** this = 2 * this. */
  EdwardsPoint twice() {
    X25519Field.sqr(x, a);
    X25519Field.sqr(y, b);
    X25519Field.sqr(z, c);
    X25519Field.add(c, c, c);
    X25519Field.add(x, y, e);
    X25519Field.sqr(e, e);
    X25519Field.sub(e, a, e);
    X25519Field.sub(e, b, e);
    X25519Field.carry(e);
    X25519Field.sub(b, a, g); // G = B - A (a = -1)
    X25519Field.sub(g, c, f); // F = G - C
    X25519Field.carry(f);
    X25519Field.add(a, b, h);
    X25519Field.negate(h, h); // H = -A - B
    return finish();
  }

  /** this = this + p (both extended). */
  EdwardsPoint plus(EdwardsPoint p) {
    X25519Field.sub(y, x, a);
    X25519Field.sub(p.y, p.x, e);
    X25519Field.mul(a, e, a);
    X25519Field.add(y, x, b);
    X25519Field.add(p.y, p.x, e);
    X25519Field.mul(b, e, b);
    X25519Field.mul(t, p.t, c);
    X25519Field.mul(c, D2, c);
    X25519Field.mul(z, p.z, d);
    X25519Field.add(d, d, d);
    return combine(false);
  }

  /**
   * this = this + q, or this - q when {@code negative}, where q is given as (y+x, y-x, 2dxy) of an
   * affine point, read from {@code table} at {@code offset} (three field elements in a row).
   */
  EdwardsPoint plusNiels(int[] table, int offset, boolean negative) {
    int ypx = offset;
    int ymx = offset + X25519Field.SIZE;
    int xy2d = offset + 2 * X25519Field.SIZE;
    X25519Field.sub(y, x, e);
    X25519Field.copy(table, negative ? ypx : ymx, f, 0);
    X25519Field.mul(e, f, a);
    X25519Field.add(y, x, e);
    X25519Field.copy(table, negative ? ymx : ypx, f, 0);
    X25519Field.mul(e, f, b);
    X25519Field.copy(table, xy2d, f, 0);
    X25519Field.mul(t, f, c);
    X25519Field.add(z, z, d);
    return combine(negative);
  }

  // E = B - A, F = D - C, G = D + C, H = B + A (F and G swap for a subtraction), then the product.
  private EdwardsPoint combine(boolean swap) {
    X25519Field.sub(b, a, e);
    X25519Field.add(b, a, h);
    X25519Field.apm(d, c, swap ? f : g, swap ? g : f);
    X25519Field.carry(f);
    X25519Field.carry(g);
    return finish();
  }

  private EdwardsPoint finish() {
    X25519Field.mul(e, f, x);
    X25519Field.mul(g, h, y);
    X25519Field.mul(e, h, t);
    X25519Field.mul(f, g, z);
    return this;
  }

  /**
   * The 32-byte encoding of this point (y little-endian, the low bit of x in the top bit) into
   * {@code out}. Variable time: only for public values.
   */
  void encode(byte[] out) {
    // The scratch elements are free between operations.
    X25519Field.invVar(z, a);
    X25519Field.mul(x, a, b);
    X25519Field.mul(y, a, c);
    X25519Field.normalize(b);
    X25519Field.normalize(c);
    X25519Field.encode(c, out, 0);
    out[31] |= (byte) ((b[0] & 1) << 7);
  }

  /**
   * Decodes a 32-byte point encoding into this point; false (this unchanged in meaning) when it is
   * not the canonical encoding of a curve point. Variable time: only for public values.
   */
  boolean decode(byte[] in, int offset) {
    byte[] py = java.util.Arrays.copyOfRange(in, offset, offset + 32);
    int sign = (py[31] & 0x80) >>> 7;
    py[31] &= 0x7F;
    if (!isCanonicalField(py)) {
      return false;
    }
    int[] ay = X25519Field.create();
    X25519Field.decode255(py, 0, ay, 0);
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    X25519Field.sqr(ay, u);
    X25519Field.mul(D, u, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    int[] ax = X25519Field.create();
    if (!X25519Field.sqrtRatioVar(u, v, ax)) {
      return false;
    }
    X25519Field.normalize(ax);
    if (sign == 1 && X25519Field.isZeroVar(ax)) {
      return false;
    }
    if ((ax[0] & 1) != sign) {
      X25519Field.negate(ax, ax);
    }
    affine(ax, ay);
    return true;
  }

  // y < p = 2^255 - 19, for 32 little-endian bytes whose top bit is clear.
  private static boolean isCanonicalField(byte[] y) {
    if (y[31] != 0x7F) {
      return true;
    }
    for (int i = 30; i >= 1; i--) {
      if (y[i] != (byte) 0xFF) {
        return true;
      }
    }
    return (y[0] & 0xFF) < 0xED;
  }

  private static int[] constantD() {
    int[] num = X25519Field.create();
    int[] den = X25519Field.create();
    X25519Field.one(num);
    X25519Field.mul(num, 121665, num);
    X25519Field.negate(num, num);
    X25519Field.one(den);
    X25519Field.mul(den, 121666, den);
    int[] inv = X25519Field.create();
    X25519Field.inv(den, inv);
    int[] out = X25519Field.create();
    X25519Field.mul(num, inv, out);
    X25519Field.normalize(out);
    return out;
  }

  private static int[] twice(int[] v) {
    int[] out = X25519Field.create();
    X25519Field.add(v, v, out);
    X25519Field.carry(out);
    return out;
  }
}
