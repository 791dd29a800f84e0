package org.jipv8.reactor.messaging;

import java.util.Arrays;

/** A growable big-endian byte sink; one per packet being encoded, never shared. */
final class WireWriter {
  private byte[] buf;
  private int size;

  WireWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void u16(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void u32(long v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
  }

  void u64(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
  }

  void u16le(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
  }

  void u64le(long v) {
    ensure(8);
    for (int shift = 0; shift <= 56; shift += 8) {
      buf[size++] = (byte) (v >>> shift);
    }
  }

  void bytes(byte[] b) {
    bytes(b, 0, b.length);
  }

  void bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** Reserves a u16 length slot and returns its position. */
  int reserveU16() {
    ensure(2);
    size += 2;
    return size - 2;
  }

  void patchU16(int pos, int v) {
    buf[pos] = (byte) (v >>> 8);
    buf[pos + 1] = (byte) v;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
