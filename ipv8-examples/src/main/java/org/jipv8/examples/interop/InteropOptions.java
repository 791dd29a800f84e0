package org.jipv8.examples.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;

/**
 * What an interop node does.
 *
 * @param host the address to bind (127.0.0.1 by default)
 * @param port the UDP port (0: any)
 * @param communityId the interop community id
 * @param walkTo addresses to keep sending introduction-requests to until they answer
 * @param duration how long to run
 * @param sendInterval time between two send rounds
 * @param sendCount send rounds (each round messages every peer); 0: never send
 * @param unsigned send message 2 instead of message 1
 * @param echo answer signed messages with "echo:" + text
 * @param keyFile a py-ipv8 key file to use (created when missing), or null for a fresh key
 */
public record InteropOptions(
    String host,
    int port,
    CommunityId communityId,
    List<Address> walkTo,
    Duration duration,
    Duration sendInterval,
    int sendCount,
    boolean unsigned,
    boolean echo,
    Path keyFile) {
  public InteropOptions {
    walkTo = List.copyOf(walkTo);
  }
}
