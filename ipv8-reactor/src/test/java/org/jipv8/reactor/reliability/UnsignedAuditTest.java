package org.jipv8.reactor.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where an unsigned wire value meets Java's signed arithmetic: each case is a value at the edge of
 * its format, checked against what py-ipv8's {@code struct} module does with the same value.
 */
class UnsignedAuditTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  @Test
  void unsignedFormatsDecodeTheirWholeRangeAsNonNegativeOrAsTheUnsignedBitPattern() {
    assertEquals(0xFFFFL, Serializer.decode("H", HEX.parseHex("ffff"), 0).value());
    assertEquals(0xFFFFFFFFL, Serializer.decode("I", HEX.parseHex("ffffffff"), 0).value());
    long q = (Long) Serializer.decode("Q", HEX.parseHex("ffffffffffffffff"), 0).value();
    assertEquals(TWO_64.subtract(BigInteger.ONE), Unsigned.toBigInteger(q));
    assertEquals(
        List.of(0xFFFFFFFFL, 0xFFFFFFFFL),
        Serializer.decode("LL", HEX.parseHex("ffffffffffffffff"), 0).value());
    assertEquals(-1L, Serializer.decode("l", HEX.parseHex("ffffffff"), 0).value());
  }

  @Test
  void q64AcceptsTheWholeUnsignedRangeAsBigInteger() {
    assertArrayEquals(
        HEX.parseHex("ffffffffffffffff"), Serializer.encode("Q", TWO_64.subtract(BigInteger.ONE)));
    assertArrayEquals(
        HEX.parseHex("8000000000000000"), Serializer.encode("Q", BigInteger.ONE.shiftLeft(63)));
    assertArrayEquals(HEX.parseHex("ffffffffffffffff"), Serializer.encode("Q", -1L));
  }

  /** struct.pack('>Q', -1) and struct.pack('>q', 2**63) raise; so must we, not wrap around. */
  @ParameterizedTest
  @ValueSource(strings = {"Q:-1", "Q:-9223372036854775808", "q:9223372036854775808"})
  void bigIntegersOutsideA64BitFormatAreRefusedNotWrapped(String c) {
    String[] parts = c.split(":");
    BigInteger value = new BigInteger(parts[1]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Serializer.encode(parts[0], value));
    assertEquals(true, e.getMessage().contains("must be in"), e.getMessage());
  }

  @Test
  void arrayOfSigned64RefusesABigIntegerAbove2To63() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Serializer.encode("arrayH-q", List.of(BigInteger.ONE.shiftLeft(63))));
  }

  /**
   * A count of 65535 in a 2-byte array header is checked against the bytes left before anything is
   * allocated: the error points at the count, not at the first missing item.
   */
  @ParameterizedTest
  @ValueSource(strings = {"arrayH-q", "arrayH-d", "arrayH-?"})
  void anArrayCountBeyondThePacketFailsAtTheCountBeforeAllocating(String format) {
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () -> Serializer.decode(format, HEX.parseHex("ffff00"), 0));
    assertEquals(DropReason.TRUNCATED, e.reason());
    assertEquals(2, e.offset(), "the check happens right after the count");
  }

  @Test
  void aVarLenICountNear2To32FailsAsTruncatedNotAsANegativeLength() {
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () -> Serializer.decode("varlenI", HEX.parseHex("ffffffff00"), 0));
    assertEquals(DropReason.TRUNCATED, e.reason());
  }

  @Test
  void theLamportClockComparesUnsignedAndIdentifiersStayIn16Bits() {
    Peer me = Peer.own(Keys.generate(org.jipv8.api.keys.KeyType.CURVE25519), () -> 0L);
    me.updateClock(5);
    me.updateClock(Long.MIN_VALUE); // 2^63: larger than 5 unsigned
    assertEquals(Long.MIN_VALUE, me.lamportTimestamp());
    me.updateClock(7); // smaller unsigned, must not lower the clock
    assertEquals(Long.MIN_VALUE, me.lamportTimestamp());
    long claimed = me.claimGlobalTime();
    assertEquals(1, Unsigned.mod65536(claimed));
    me.updateClock(-1L); // 2^64 - 1
    assertEquals(0xFFFF, Unsigned.mod65536(me.lamportTimestamp()));
  }
}
