package org.jipv8.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.reactor.messaging.Packets;
import org.junit.jupiter.api.Test;

class BenchPartsTest {
  @Test
  void theReceiverRefusesAFullInboxBeforeCopyLikeANode() {
    for (BenchMode mode : List.of(BenchMode.UNSIGNED, BenchMode.SIGNED, BenchMode.INTRO)) {
      BenchReceiver receiver = new BenchReceiver(mode);
      try {
        assertTrue(receiver.prepare() > 0, mode.key());
        assertTrue(receiver.admitsEarly(), mode.key());
      } finally {
        receiver.close();
      }
    }
    BenchReceiver raw = new BenchReceiver(BenchMode.RAW);
    raw.prepare();
    assertFalse(raw.admitsEarly(), "raw has no community");
    raw.close();
  }

  @Test
  void cpuListsExpandRanges() {
    assertEquals(List.of(0, 1, 2, 5), Cores.parseList("0-2,5"));
    assertEquals(List.of(3), Cores.parseList("3"));
  }

  @Test
  void statsTakeTheMiddleValue() {
    assertEquals(new Stats(2, 1, 9), Stats.of(List.of(9.0, 1.0, 2.0)));
    assertEquals(new Stats(2.5, 1, 4), Stats.of(List.of(4.0, 1.0, 2.0, 3.0)));
  }

  @Test
  void customMessagesAreTwoHundredBytesAndPoolsAreDistinct() {
    Address here = Address.ipv4("127.0.0.1", 1000);
    for (BenchMode mode : List.of(BenchMode.UNSIGNED, BenchMode.SIGNED)) {
      List<byte[]> pool = BenchPackets.pool(mode, List.of(here), here);
      assertEquals(BenchPackets.DATAGRAM_BYTES, pool.get(0).length, mode.key());
      assertEquals(
          pool.size(),
          pool.stream().map(java.util.Arrays::toString).distinct().count(),
          mode.key());
    }
    byte[] intro = BenchPackets.pool(BenchMode.INTRO, List.of(here), here).get(0);
    assertEquals(BenchCommunity.INTRO_REQUEST_ID, Packets.messageId(intro));
  }

  @Test
  void modesAreNamedInLowerCase() {
    assertEquals(BenchMode.SIGNED, BenchMode.fromKey("Signed"));
    assertThrows(IllegalArgumentException.class, () -> BenchMode.fromKey("fast"));
  }
}
