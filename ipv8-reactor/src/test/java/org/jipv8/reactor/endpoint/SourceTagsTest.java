package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.address.Address;
import org.junit.jupiter.api.Test;

/** Recent senders' addresses are built once and always answer for their own socket address. */
class SourceTagsTest {

  private static InetSocketAddress at(int last, int port) throws UnknownHostException {
    return new InetSocketAddress(
        InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last}), port);
  }

  @Test
  void aRepeatedSenderIsBuiltOnceAndEverySenderGetsItsOwnAddress() throws UnknownHostException {
    AtomicInteger built = new AtomicInteger();
    SourceTags tags =
        new SourceTags(
            s -> {
              built.incrementAndGet();
              return Address.ipv4(s.getAddress().getHostAddress(), s.getPort());
            });

    Address first = tags.apply(at(1, 7000));
    assertSame(first, tags.apply(at(1, 7000)), "an equal socket address is a hit");
    assertEquals(1, built.get());

    // Many more senders than slots: every answer is still the sender's own address.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4 * SourceTags.SIZE; i++) {
        InetSocketAddress s = at(1 + i % 200, 7000 + i);
        assertEquals(Address.ipv4("127.0.0." + (1 + i % 200), 7000 + i), tags.apply(s));
      }
    }
    assertEquals(Address.ipv4("127.0.0.1", 7001), tags.apply(at(1, 7001)));
  }
}
