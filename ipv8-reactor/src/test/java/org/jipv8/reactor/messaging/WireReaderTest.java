package org.jipv8.reactor.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.junit.jupiter.api.Test;

/** The cursor's bounds: narrowing to a packet's body and skipping a header field. */
class WireReaderTest {

  @Test
  void aNarrowedReaderStopsAtItsNewEndAsATruncation() {
    WireReader r = new WireReader(new byte[] {1, 2, 3, 4, 5, 6}, 1, 6);
    r.skip(1, "key");
    r.narrow(4);
    assertEquals(2, r.remaining());
    assertEquals(0x0304, r.u16("value"));
    PacketDecodingException e = assertThrows(PacketDecodingException.class, () -> r.u8("after"));
    assertEquals(DropReason.TRUNCATED, e.reason());
    assertEquals("after", e.field());
    assertEquals(4, e.offset());
  }

  @Test
  void narrowingNeverWidensNorCutsBehindTheCursor() {
    WireReader r = new WireReader(new byte[8], 2, 6);
    r.skip(2, "x");
    assertThrows(IllegalArgumentException.class, () -> r.narrow(7));
    assertThrows(IllegalArgumentException.class, () -> r.narrow(3));
    r.narrow(4);
    assertEquals(0, r.remaining());
  }

  @Test
  void skippingPastTheEndIsATruncationNamingTheField() {
    WireReader r = new WireReader(new byte[4], 0, 4);
    PacketDecodingException e =
        assertThrows(PacketDecodingException.class, () -> r.skip(5, "public_key_bin"));
    assertEquals(DropReason.TRUNCATED, e.reason());
    assertEquals("public_key_bin", e.field());
    assertEquals(0, r.offset());
  }
}
