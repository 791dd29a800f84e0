package org.jipv8.reactor.messaging;

import java.util.Set;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;

/**
 * py-ipv8's serializer, by format name and by record type. Stateless and thread-safe.
 *
 * <pre>{@code
 * byte[] b = Serializer.encode("varlenH", "abc".getBytes());       // 0003616263
 * Serializer.Value v = Serializer.decode("H", bytes, 0);          // v.value() = 4660L
 * byte[] p = Serializer.encodeRecord(new MyPayload(...));          // the payload's fields only
 * MyPayload m = Serializer.decodeRecord(MyPayload.class, p);
 * }</pre>
 *
 * <p>Decoded values: integers as {@code Long}, {@code ?} as {@code Boolean}, {@code f}/{@code d} as
 * {@code Float}/{@code Double}, byte strings as {@code byte[]}, UTF-8 formats as {@code String},
 * addresses as {@code Address}, {@code bits} as {@code Bits}, tuple formats and lists as {@code
 * List}, {@code arrayH-*} as {@code boolean[]}/{@code long[]}/{@code double[]}.
 */
public final class Serializer {
  private Serializer() {}

  /**
   * A decoded value and the offset just past it.
   *
   * @param value the value
   * @param end the offset after the value
   */
  public record Value(Object value, int end) {}

  /** All format names known without a record type ({@code payload} needs one). */
  public static Set<String> formats() {
    return Formats.names();
  }

  /**
   * Encodes one value; formats that take several values (tuples, {@code bits}) take them as several
   * arguments.
   *
   * @throws IllegalArgumentException for an unknown format or a value that does not fit
   */
  public static byte[] encode(String format, Object... args) {
    FieldCodec codec = codec(format);
    WireWriter w = new WireWriter(32);
    Object value = args.length == 1 ? args[0] : java.util.List.of(args);
    codec.encode(w, value, format);
    return w.toByteArray();
  }

  /**
   * Decodes one value at {@code offset}; {@code raw} takes everything to the end.
   *
   * @throws PacketDecodingException when the data is short or malformed
   */
  public static Value decode(String format, byte[] data, int offset) {
    FieldCodec codec = codec(format);
    WireReader r = new WireReader(data, offset, data.length);
    Object v = codec.decode(r, format);
    return new Value(v, r.offset());
  }

  /** Encodes the fields of a record (no message id, no header), as a nested payload's body. */
  public static byte[] encodeRecord(Record payload) {
    WireWriter w = new WireWriter(64);
    RecordSchema.of(payload.getClass()).encodeFields(w, payload);
    return w.toByteArray();
  }

  /**
   * Decodes a whole byte array as the fields of {@code type}; trailing bytes are an error unless
   * the record ends in {@code raw}.
   */
  public static <T extends Record> T decodeRecord(Class<T> type, byte[] data) {
    WireReader r = new WireReader(data, 0, data.length);
    T value = RecordSchema.of(type).decodeFields(r);
    if (r.remaining() != 0) {
      throw new PacketDecodingException(
          DropReason.TRAILING_BYTES,
          type.getSimpleName(),
          r.offset(),
          r.remaining() + " byte(s) after the last field");
    }
    return value;
  }

  private static FieldCodec codec(String format) {
    FieldCodec codec = Formats.get(format);
    if (codec == null) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "'; known: " + new java.util.TreeSet<>(Formats.names()));
    }
    return codec;
  }
}
