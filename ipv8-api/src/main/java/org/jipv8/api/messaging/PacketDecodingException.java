package org.jipv8.api.messaging;

/**
 * A packet (or one field of it) could not be decoded. Carries the {@link DropReason}, the name of
 * the field and the byte offset at which decoding failed, so logs say exactly what was wrong.
 *
 * <p>Thrown by decoders only; the engine catches it, counts the drop and carries on.
 */
public class PacketDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DropReason reason;
  private final String field;
  private final int offset;

  public PacketDecodingException(DropReason reason, String field, int offset, String detail) {
    super(reason + " at field '" + field + "' offset " + offset + ": " + detail);
    this.reason = reason;
    this.field = field;
    this.offset = offset;
  }

  public PacketDecodingException(
      DropReason reason, String field, int offset, String detail, Throwable cause) {
    this(reason, field, offset, detail);
    initCause(cause);
  }

  /** The category under which the drop is counted. */
  public DropReason reason() {
    return reason;
  }

  /** The field being decoded when it failed (e.g. {@code "destination_address"}). */
  public String field() {
    return field;
  }

  /** Byte offset within the packet where the field started. */
  public int offset() {
    return offset;
  }
}
