package org.jipv8.reactor.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.PacketDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random values (from fixed seeds, so every run checks the same values) survive encode then decode
 * in every format, and a value cut short is a typed error rather than an exception.
 */
class FormatRoundTripTest {

  private static final org.jipv8.api.keys.PrivateKey KEY =
      org.jipv8.reactor.crypto.Keys.generate(org.jipv8.api.keys.KeyType.CURVE25519);

  record Inner(@Format("H") int a, String b) {}

  @Message(id = 7)
  record Everything(
      boolean flag,
      long big,
      int small,
      double real,
      byte[] blob,
      String text,
      Address ip,
      @Format("ipv4") Address v4,
      @Format("address") Address anyAddress,
      Bits bits,
      Inner inner,
      List<Inner> inners,
      List<byte[]> blobs,
      boolean[] flags,
      long[] numbers,
      double[] reals,
      @Format("B") int u8,
      @Format("H") int u16,
      @Format("I") long u32,
      @Format("Q") long u64,
      @Format("20s") byte[] id,
      @Format("varlenHx20") byte[] ids,
      @Format("varlenBx2") byte[] pairs,
      @Format("varlenI") byte[] longBlob,
      @Format("varlenIutf8") String longText,
      @Format("raw") byte[] rest) {}

  static Stream<Long> seeds() {
    return IntStream.range(0, 40).mapToObj(i -> 1000L + i);
  }

  private static byte[] bytes(Random r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  private static byte[] fixed(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      int cp = r.nextInt(4) == 0 ? 0x00e9 + r.nextInt(400) : 'a' + r.nextInt(26);
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static Address ip(Random r) {
    if (r.nextBoolean()) {
      return Address.ipv4(
          r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256),
          r.nextInt(65536));
    }
    return Address.ipv6(
        Integer.toHexString(0x2001) + ":db8::" + Integer.toHexString(r.nextInt(65536)),
        r.nextInt(65536));
  }

  static Everything random(Random r) {
    List<Inner> inners = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      inners.add(new Inner(r.nextInt(65536), text(r)));
    }
    List<byte[]> blobs = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      blobs.add(bytes(r, 10));
    }
    boolean[] flags = new boolean[r.nextInt(5)];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = r.nextBoolean();
    }
    return new Everything(
        r.nextBoolean(),
        r.nextLong(),
        r.nextInt(),
        r.nextDouble(),
        bytes(r, 40),
        text(r),
        ip(r),
        Address.ipv4(r.nextInt(256) + ".0.0." + r.nextInt(256), r.nextInt(65536)),
        r.nextBoolean()
            ? ip(r)
            : Address.domain("host" + r.nextInt(100) + ".example", r.nextInt(65536)),
        new Bits(r.nextInt(256)),
        new Inner(r.nextInt(65536), text(r)),
        inners,
        blobs,
        flags,
        r.longs(r.nextInt(4)).toArray(),
        r.doubles(r.nextInt(4)).toArray(),
        r.nextInt(256),
        r.nextInt(65536),
        r.nextLong() & 0xFFFFFFFFL,
        r.nextLong(),
        fixed(r, 20),
        fixed(r, 20 * r.nextInt(3)),
        fixed(r, 2 * r.nextInt(3)),
        bytes(r, 30),
        text(r),
        bytes(r, 30));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomValuesRoundTripThroughEveryFormat(long seed) {
    Random r = new Random(seed);
    Everything e = random(r);
    byte[] prefix = new byte[22];
    byte[] packet = Packets.encode(prefix, e, KEY, seed);
    Decoded<Everything> d = Packets.decode(packet, Everything.class);
    assertEquals(seed, d.globalTime());
    assertArrayEquals(Serializer.encodeRecord(e), Serializer.encodeRecord(d.payload()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomRecordsRoundTripAsPayloads(long seed) {
    Random r = new Random(seed);
    Everything e = random(r);
    byte[] encoded = Serializer.encodeRecord(e);
    Everything back = Serializer.decodeRecord(Everything.class, encoded);
    assertArrayEquals(encoded, Serializer.encodeRecord(back));
    assertEquals(e.big(), back.big());
    assertEquals(e.text(), back.text());
    assertEquals(e.ip(), back.ip());
    assertEquals(e.inners(), back.inners());
    assertArrayEquals(e.rest(), back.rest());
    // Cut anywhere before the raw tail: always a typed error, never another exception.
    int cut = r.nextInt(encoded.length - e.rest().length);
    byte[] shorter = java.util.Arrays.copyOf(encoded, cut);
    PacketDecodingException ex =
        assertThrows(
            PacketDecodingException.class,
            () -> Serializer.decodeRecord(Everything.class, shorter));
    assertTrue(
        ex.reason() == DropReason.TRUNCATED || ex.reason() == DropReason.MALFORMED_FIELD,
        ex.getMessage());
  }

  @Message(id = 9, signed = false)
  record Bad(@Format("ipv4") String notAnAddress) {}

  @Message(id = 9, signed = false)
  record RawNotLast(@Format("raw") byte[] rest, int after) {}

  @Test
  void aFormatThatDoesNotFitTheTypeIsRefusedNamingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Packets.encode(new byte[22], new Bad("x"), null, 0));
    assertTrue(e.getMessage().contains("Bad.notAnAddress"), e.getMessage());
    assertTrue(e.getMessage().contains("accepted"), e.getMessage());
  }

  @Test
  void rawMustBeTheLastField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Packets.encode(new byte[22], new RawNotLast(new byte[0], 1), null, 0));
    assertTrue(e.getMessage().contains("last field"), e.getMessage());
  }

  @Test
  void aRecordWithoutMessageCannotBeSentAsAPacket() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Packets.encode(new byte[22], new Inner(1, "x"), null, 0));
    assertTrue(e.getMessage().contains("@Message"), e.getMessage());
  }

  @Test
  void outOfRangeIntegersAreRefusedOnEncode() {
    assertThrows(IllegalArgumentException.class, () -> Serializer.encode("H", 70000L));
    assertThrows(IllegalArgumentException.class, () -> Serializer.encode("B", -1L));
  }

  @Test
  void unknownAddressTypeIsMalformed() {
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () -> Serializer.decode("ip_address", new byte[] {2, 0, 1, 65, 0, 80}, 0));
    assertEquals(DropReason.MALFORMED_FIELD, e.reason());
  }

  @Test
  void invalidUtf8IsMalformed() {
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () -> Serializer.decode("varlenHutf8", new byte[] {0, 1, (byte) 0xff}, 0));
    assertEquals(DropReason.MALFORMED_FIELD, e.reason());
  }
}
