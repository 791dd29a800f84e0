package org.jipv8.testkit;

import org.jipv8.api.address.Address;

/**
 * A captured datagram decoded as a message of the community under test.
 *
 * @param <T> the message record type
 * @param timeMillis virtual time of the send, in milliseconds
 * @param node the index of the sending node
 * @param destination where it was sent
 * @param payload the decoded message
 */
public record CapturedMessage<T extends Record>(
    long timeMillis, int node, Address destination, T payload) {}
