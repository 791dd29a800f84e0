package org.jipv8.reactor.messaging;

import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;

/**
 * A bounds-checked big-endian cursor over a packet. Every read names the field it reads, so a short
 * packet fails with {@link DropReason#TRUNCATED}, the field and the offset, never with an index
 * exception.
 */
final class WireReader {
  private final byte[] data;
  private int offset;
  private int limit;

  WireReader(byte[] data, int offset, int limit) {
    this.data = data;
    this.offset = offset;
    this.limit = limit;
  }

  int offset() {
    return offset;
  }

  int limit() {
    return limit;
  }

  /**
   * Moves the end of what this reader may read to {@code newLimit} (not beyond the current end), so
   * one reader serves a packet's header and then its body before the signature.
   */
  void narrow(int newLimit) {
    if (newLimit < offset || newLimit > limit) {
      throw new IllegalArgumentException("limit " + newLimit + " outside " + offset + ".." + limit);
    }
    limit = newLimit;
  }

  /** Skips {@code n} bytes. */
  void skip(int n, String field) {
    need(n, field);
    offset += n;
  }

  int remaining() {
    return limit - offset;
  }

  byte[] data() {
    return data;
  }

  void need(int n, String field) {
    if (n < 0 || limit - offset < n) {
      throw new PacketDecodingException(
          DropReason.TRUNCATED,
          field,
          offset,
          "needs " + n + " byte(s), " + Math.max(0, limit - offset) + " left");
    }
  }

  int u8(String field) {
    need(1, field);
    return data[offset++] & 0xff;
  }

  int u16(String field) {
    need(2, field);
    int v = ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    offset += 2;
    return v;
  }

  long u32(String field) {
    need(4, field);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (data[offset++] & 0xff);
    }
    return v;
  }

  long u64(String field) {
    need(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[offset++] & 0xff);
    }
    return v;
  }

  int u16le(String field) {
    need(2, field);
    int v = (data[offset] & 0xff) | ((data[offset + 1] & 0xff) << 8);
    offset += 2;
    return v;
  }

  long u64le(String field) {
    need(8, field);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[offset + i] & 0xff);
    }
    offset += 8;
    return v;
  }

  byte[] bytes(int n, String field) {
    need(n, field);
    byte[] out = new byte[n];
    System.arraycopy(data, offset, out, 0, n);
    offset += n;
    return out;
  }

  /** A reader over the next {@code n} bytes; this reader skips past them. */
  WireReader slice(int n, String field) {
    need(n, field);
    WireReader r = new WireReader(data, offset, offset + n);
    offset += n;
    return r;
  }

  PacketDecodingException malformed(String field, int at, String detail) {
    return new PacketDecodingException(DropReason.MALFORMED_FIELD, field, at, detail);
  }
}
