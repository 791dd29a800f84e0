package org.jipv8.examples.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The DHT example does what the README says (real loopback sockets). */
class DhtExampleTest {

  @Test
  @Timeout(90)
  void fourNodesStoreFindAndLocate() {
    DhtExample.Outcome o = DhtExample.run(4);
    assertTrue(o.storedAt().size() >= 1, "stored on " + o.storedAt());
    assertEquals(1, o.found().size());
    assertEquals("hello DHT", new String(o.found().get(0).data(), StandardCharsets.UTF_8));
    assertArrayEquals(o.storer().publicKeyBin(), o.found().get(0).signer().toBin());
    assertArrayEquals(o.storer().mid(), o.located().mid());
  }
}
