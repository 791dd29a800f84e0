package org.jipv8.reactor.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every datagram of malformed.json, classified the way the receive path does it (prefix, length,
 * message id, then {@link Packets#decode}): accepted ones decode, rejected ones give the typed
 * reason that py-ipv8's outcome implies.
 */
class MalformedVectorsTest {
  private static final byte[] CUSTOM =
      CommunityId.fromHex("ac51fe0d7cb94ec44d6d6ae675da1bdcd710744b").prefix();
  private static final byte[] DISCOVERY =
      CommunityId.fromHex("7e313685c1912a141279f8248fc8db5899c5df5a").prefix();
  private static final Set<Integer> DEPRECATED =
      Set.of(255, 254, 253, 252, 251, 248, 247, 244, 243, 242, 241, 240, 239, 238, 237, 236, 235);
  private static final Map<Integer, Class<? extends Record>> CUSTOM_IDS =
      Map.of(
          1, InteropMessages.Signed.class,
          2, InteropMessages.Unsigned.class,
          246, IntroductionRequestPayload.class,
          250, PunctureRequestPayload.class);

  /** What py-ipv8's outcome means for us, by case name. */
  private static final Map<String, DropReason> EXPECTED =
      Map.ofEntries(
          Map.entry("wrong-community-id", DropReason.UNKNOWN_PREFIX),
          Map.entry("wrong-version-byte", DropReason.UNKNOWN_PREFIX),
          Map.entry("nonzero-first-byte", DropReason.UNKNOWN_PREFIX),
          Map.entry("empty-datagram", DropReason.TOO_SHORT),
          Map.entry("prefix-only-22-bytes", DropReason.TOO_SHORT),
          Map.entry("unknown-message-id-100", DropReason.UNKNOWN_MESSAGE),
          Map.entry("deprecated-message-id-255", DropReason.DEPRECATED_MESSAGE),
          Map.entry("signed-message-bad-signature (last byte flipped)", DropReason.BAD_SIGNATURE),
          Map.entry("signed-message-payload-bit-flipped", DropReason.BAD_SIGNATURE),
          Map.entry("signed-message-truncated (signature cut)", DropReason.TRUNCATED),
          Map.entry("signed-message-extra-trailing-byte", DropReason.TRAILING_BYTES),
          Map.entry("signed-message-garbage-public-key", DropReason.INVALID_KEY),
          Map.entry("signed-message-key-length-too-big", DropReason.TRUNCATED),
          Map.entry("unsigned-message-extra-trailing-byte", DropReason.TRAILING_BYTES),
          Map.entry("unsigned-message-truncated", DropReason.TRUNCATED),
          Map.entry("unsigned-message-varlen-overruns", DropReason.TRUNCATED),
          Map.entry("introduction-request-bad-signature", DropReason.BAD_SIGNATURE),
          Map.entry("introduction-request-truncated", DropReason.TRUNCATED),
          Map.entry("discovery-introduction-request-bad-signature", DropReason.BAD_SIGNATURE),
          Map.entry("puncture-request-extra-trailing-byte", DropReason.TRAILING_BYTES));

  static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    Vectors.load("malformed.json").get("cases").forEach(out::add);
    assertEquals(23, out.size(), "malformed.json case count");
    return out;
  }

  /** Classifies a datagram for a node running the custom community and the DiscoveryCommunity. */
  static Decoded<? extends Record> receive(byte[] packet) {
    if (packet.length < 23) {
      throw new PacketDecodingException(DropReason.TOO_SHORT, "packet", 0, "shorter than 23 bytes");
    }
    boolean discovery = Packets.hasPrefix(packet, DISCOVERY);
    if (!discovery && !Packets.hasPrefix(packet, CUSTOM)) {
      throw new PacketDecodingException(DropReason.UNKNOWN_PREFIX, "prefix", 0, "no community");
    }
    int id = Packets.messageId(packet);
    if (DEPRECATED.contains(id)) {
      throw new PacketDecodingException(
          DropReason.DEPRECATED_MESSAGE, "msg_id", 22, "deprecated " + id);
    }
    Class<? extends Record> type =
        discovery ? (id == 246 ? IntroductionRequestPayload.class : null) : CUSTOM_IDS.get(id);
    if (type == null) {
      throw new PacketDecodingException(DropReason.UNKNOWN_MESSAGE, "msg_id", 22, "unknown " + id);
    }
    return Packets.decode(packet, type);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void eachDatagramIsAcceptedOrRejectedWithTheReasonPyIpv8Implies(JsonNode c) {
    String name = c.get("name").asText();
    byte[] packet = Vectors.hex(c.get("packet_hex"));
    assertEquals(c.get("packet_length").asInt(), packet.length);
    if (c.get("outcome").asText().equals("accepted")) {
      assertNotNull(receive(packet).payload(), name);
      return;
    }
    DropReason expected = EXPECTED.get(name);
    assertNotNull(expected, "no expectation for case " + name);
    PacketDecodingException e =
        assertThrows(PacketDecodingException.class, () -> receive(packet), name);
    assertEquals(expected, e.reason(), name + ": " + e.getMessage());
  }
}
