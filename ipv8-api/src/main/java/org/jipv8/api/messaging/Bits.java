package org.jipv8.api.messaging;

/**
 * The {@code bits} wire format: eight flags in one byte, the first flag being the most significant
 * bit (mask 0x80) and the last the least significant (0x01).
 *
 * @param value the byte, 0..255
 */
public record Bits(int value) {

  /** All flags clear. */
  public static final Bits NONE = new Bits(0);

  public Bits {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException("bits value must be 0..255, was " + value);
    }
  }

  /** Flags given most significant first; missing trailing flags are 0. */
  public static Bits of(boolean... flags) {
    if (flags.length > 8) {
      throw new IllegalArgumentException("at most 8 flags, got " + flags.length);
    }
    int v = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        v |= 0x80 >>> i;
      }
    }
    return new Bits(v);
  }

  /** Flag {@code index} (0 = mask 0x80, 7 = mask 0x01). */
  public boolean get(int index) {
    if (index < 0 || index > 7) {
      throw new IndexOutOfBoundsException("flag index must be 0..7, was " + index);
    }
    return (value & (0x80 >>> index)) != 0;
  }

  /** A copy with flag {@code index} set to {@code on}. */
  public Bits with(int index, boolean on) {
    int mask = 0x80 >>> index;
    return new Bits(on ? value | mask : value & ~mask);
  }

  @Override
  public String toString() {
    return String.format("Bits[%8s]", Integer.toBinaryString(value)).replace(' ', '0');
  }
}
