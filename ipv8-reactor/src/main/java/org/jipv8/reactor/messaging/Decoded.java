package org.jipv8.reactor.messaging;

import org.jipv8.api.keys.PublicKey;

/**
 * A decoded packet.
 *
 * @param messageId byte 22
 * @param signer the public key of a signed message (signature already verified), else null
 * @param globalTime the global time field, or 0 when the message carries none
 * @param payload the decoded record
 * @param <T> the record type
 */
public record Decoded<T extends Record>(
    int messageId, PublicKey signer, long globalTime, T payload) {}
