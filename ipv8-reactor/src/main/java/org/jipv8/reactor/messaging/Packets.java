package org.jipv8.reactor.messaging;

import org.jipv8.api.keys.PrivateKey;

/**
 * Framing of whole IPv8 packets around {@code @Message} records: prefix, message id, optional
 * authentication (public key), optional global time, payload fields, optional signature.
 *
 * <p>Thread-safe and stateless; schemas of record types are computed once and cached.
 */
public final class Packets {
  private Packets() {}

  /**
   * Encodes {@code message} (a record annotated with {@code @Message}) for the community with
   * {@code prefix} (22 bytes). Signed messages are signed with {@code signer}; unsigned ones ignore
   * it (may be null). The global time is written only when the message declares it.
   */
  public static byte[] encode(byte[] prefix, Record message, PrivateKey signer, long globalTime) {
    throw new UnsupportedOperationException("TODO messaging");
  }

  /**
   * Decodes (and for signed messages verifies) a whole packet as {@code type}. Checks that byte 22
   * is the type's message id, that no bytes are left over, and that the signature is valid.
   *
   * @throws org.jipv8.api.messaging.PacketDecodingException with the reason, field and offset
   */
  public static <T extends Record> Decoded<T> decode(byte[] packet, Class<T> type) {
    throw new UnsupportedOperationException("TODO messaging");
  }
}
