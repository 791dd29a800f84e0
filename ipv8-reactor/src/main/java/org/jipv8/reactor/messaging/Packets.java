package org.jipv8.reactor.messaging;

import java.util.Arrays;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.crypto.Keys;

/**
 * Framing of whole IPv8 packets around {@code @Message} records (spec wire-protocol 1.4, 3.3, 3.5):
 *
 * <pre>
 * signed:   prefix(22) | id | u16 key length | public key | [u64 global time] | fields | signature
 * unsigned: prefix(22) | id | [u64 global time] | fields
 * </pre>
 *
 * The signature covers every byte before it and its length follows from the key type. Decoding
 * reads the fields before it checks the signature (as py-ipv8 does), so a damaged packet reports a
 * parse error when it no longer parses and {@code BAD_SIGNATURE} otherwise.
 *
 * <p>Thread-safe and stateless; record schemas are computed once per type and cached.
 */
public final class Packets {
  /** Length of the community prefix. */
  public static final int PREFIX_LENGTH = 22;

  private Packets() {}

  /**
   * Encodes {@code message} (a record annotated with {@code @Message}) for the community with
   * {@code prefix} (22 bytes). Signed messages are signed with {@code signer}; unsigned ones ignore
   * it (may be null). The global time is written only when the message declares it.
   *
   * @throws IllegalArgumentException when the record or a value does not fit its wire format
   */
  public static byte[] encode(byte[] prefix, Record message, PrivateKey signer, long globalTime) {
    RecordSchema<?> schema = RecordSchema.of(message.getClass());
    int id = checkedId(schema);
    if (prefix.length != PREFIX_LENGTH) {
      throw new IllegalArgumentException("a community prefix has 22 bytes, got " + prefix.length);
    }
    WireWriter w = new WireWriter(256);
    w.bytes(prefix);
    w.u8(id);
    boolean signed = schema.signed();
    if (signed) {
      if (signer == null) {
        throw new IllegalArgumentException(
            message.getClass().getSimpleName() + " is a signed message: a private key is needed");
      }
      byte[] key = signer.publicKey().toBin();
      w.u16(key.length);
      w.bytes(key);
    }
    if (schema.globalTime()) {
      w.u64(globalTime);
    }
    schema.encodeFields(w, message);
    if (signed) {
      w.bytes(signer.sign(w.array(), 0, w.size()));
    }
    return w.toByteArray();
  }

  /**
   * Decodes (and for signed messages verifies) a whole packet as {@code type}. Checks that byte 22
   * is the type's message id, that no bytes are left over, and that the signature is valid.
   *
   * @throws PacketDecodingException with the reason, field and offset
   */
  public static <T extends Record> Decoded<T> decode(byte[] packet, Class<T> type) {
    RecordSchema<T> schema = RecordSchema.of(type);
    int expected = checkedId(schema);
    if (packet.length < PREFIX_LENGTH + 1) {
      throw new PacketDecodingException(
          DropReason.TOO_SHORT, "msg_id", packet.length, "a packet has at least 23 bytes");
    }
    int id = packet[PREFIX_LENGTH] & 0xff;
    if (id != expected) {
      throw new PacketDecodingException(
          DropReason.UNKNOWN_MESSAGE,
          "msg_id",
          PREFIX_LENGTH,
          "message id " + id + " is not " + type.getSimpleName() + "'s " + expected);
    }
    // One reader for the header and then the fields: it stops before the signature once the key
    // says how long the signature is.
    WireReader r = new WireReader(packet, PREFIX_LENGTH + 1, packet.length);
    PublicKey key = null;
    int end = packet.length;
    if (schema.signed()) {
      int keyAt = r.offset();
      int keyLen = r.u16("public_key_bin");
      r.need(keyLen, "public_key_bin");
      try {
        // Parsed in place (keys are cached by content): no copy of the key bytes per packet.
        key = Keys.publicFromBin(packet, r.offset(), keyLen);
      } catch (InvalidKeyException e) {
        throw new PacketDecodingException(
            DropReason.INVALID_KEY, "public_key_bin", keyAt, e.getMessage(), e);
      }
      r.skip(keyLen, "public_key_bin");
      end = packet.length - key.signatureLength();
      if (end < r.offset()) {
        throw new PacketDecodingException(
            DropReason.TRUNCATED,
            "signature",
            r.offset(),
            "needs " + key.signatureLength() + " signature bytes, " + r.remaining() + " left");
      }
      r.narrow(end);
    }
    long globalTime = schema.globalTime() ? r.u64("global_time") : 0;
    T payload = schema.decodeFields(r);
    if (r.remaining() != 0) {
      throw new PacketDecodingException(
          DropReason.TRAILING_BYTES,
          type.getSimpleName(),
          r.offset(),
          r.remaining() + " byte(s) after the last field");
    }
    // The signature covers packet[0, end) and is checked where it lies, without a copy.
    if (key != null && !key.verify(packet, 0, end, packet, end)) {
      throw new PacketDecodingException(
          DropReason.BAD_SIGNATURE, "signature", end, "the signature does not verify");
    }
    return new Decoded<>(id, key, globalTime, payload);
  }

  /** The message id (byte 22), or -1 for packets shorter than 23 bytes. */
  public static int messageId(byte[] packet) {
    return packet.length > PREFIX_LENGTH ? packet[PREFIX_LENGTH] & 0xff : -1;
  }

  /** Whether {@code packet} starts with the 22-byte {@code prefix}. */
  public static boolean hasPrefix(byte[] packet, byte[] prefix) {
    return packet.length >= PREFIX_LENGTH
        && Arrays.equals(packet, 0, PREFIX_LENGTH, prefix, 0, PREFIX_LENGTH);
  }

  /** The message id declared by a record type. */
  public static int messageId(Class<? extends Record> type) {
    return checkedId(RecordSchema.of(type));
  }

  /** The {@code @Message} declaration of a record type (validating its schema). */
  public static Message declaration(Class<? extends Record> type) {
    return annotation(RecordSchema.of(type));
  }

  private static Message annotation(RecordSchema<?> schema) {
    checkedId(schema);
    return schema.message();
  }

  /** The schema's message id, checked without touching the annotation (a slow proxy). */
  private static int checkedId(RecordSchema<?> schema) {
    if (schema.message() == null) {
      throw new IllegalArgumentException(
          schema.type().getName() + " is not annotated with @Message(id = ...)");
    }
    int id = schema.messageId();
    if (id < 0 || id > 255) {
      throw new IllegalArgumentException(
          schema.type().getName() + ": message id must be 0..255, was " + id);
    }
    return id;
  }
}
