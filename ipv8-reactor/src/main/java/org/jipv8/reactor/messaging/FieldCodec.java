package org.jipv8.reactor.messaging;

/**
 * One py-ipv8 wire format. Implementations are stateless and thread-safe.
 *
 * <p>Decoded values have one canonical Java type per format (integers as {@code Long}, byte strings
 * as {@code byte[]}, tuples as {@code List}, ...); {@link RecordSchema} converts them to the record
 * component's declared type.
 */
interface FieldCodec {

  /** The py-ipv8 format name. */
  String name();

  /**
   * Appends {@code value}.
   *
   * @throws IllegalArgumentException naming {@code field} when the value does not fit the format
   */
  void encode(WireWriter w, Object value, String field);

  /** Reads one value; errors are {@code PacketDecodingException}s naming {@code field}. */
  Object decode(WireReader r, String field);

  /** Whether this format takes everything up to the end (only valid as the last field). */
  default boolean consumesRest() {
    return false;
  }

  static IllegalArgumentException badValue(String format, String field, Object value, String want) {
    return new IllegalArgumentException(
        "field '"
            + field
            + "' (format "
            + format
            + ") needs "
            + want
            + ", got "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  static long integer(String format, String field, Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.math.BigInteger b && b.bitLength() <= 64) {
      return b.longValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw badValue(format, field, value, "an integer");
  }

  static byte[] bytes(String format, String field, Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    throw badValue(format, field, value, "bytes");
  }
}
