package org.jipv8.reactor.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.LegacyIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewPuncturePayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PingPayload;
import org.jipv8.reactor.messaging.payload.PongPayload;
import org.jipv8.reactor.messaging.payload.PuncturePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.SimilarityRequestPayload;
import org.jipv8.reactor.messaging.payload.SimilarityResponsePayload;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every packet of discovery.json: decoding gives the layout's values, signatures verify, and
 * re-encoding the decoded values with the sender's key gives the exact bytes (Ed25519 is
 * deterministic).
 */
class DiscoveryVectorsTest {

  private static final Map<Integer, Class<? extends Record>> CORE =
      Map.of(
          246, IntroductionRequestPayload.class,
          245, IntroductionResponsePayload.class,
          234, NewIntroductionRequestPayload.class,
          233, NewIntroductionResponsePayload.class,
          250, PunctureRequestPayload.class,
          232, NewPunctureRequestPayload.class,
          249, PuncturePayload.class,
          231, NewPuncturePayload.class);

  private static final Map<Integer, Class<? extends Record>> DISCOVERY =
      Map.of(
          1, SimilarityRequestPayload.class,
          2, SimilarityResponsePayload.class,
          3, PingPayload.class,
          4, PongPayload.class);

  record Case(String name, JsonNode packet, boolean discovery) {
    @Override
    public String toString() {
      return (discovery ? "discovery/" : "custom/") + name;
    }
  }

  static List<Case> packets() {
    JsonNode root = Vectors.load("discovery.json");
    List<Case> out = new ArrayList<>();
    root.get("custom_community")
        .get("packets")
        .forEach(p -> out.add(new Case(p.get("name").asText(), p, false)));
    root.get("discovery_community")
        .get("packets")
        .forEach(p -> out.add(new Case(p.get("name").asText(), p, true)));
    assertEquals(25, out.size(), "discovery.json packet count");
    return out;
  }

  record Walk(String name, JsonNode step, boolean discovery) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Walk> walkSteps() {
    JsonNode walks = Vectors.load("discovery.json").get("walk_exchanges");
    List<Walk> out = new ArrayList<>();
    walks
        .properties()
        .forEach(
            e ->
                e.getValue()
                    .forEach(
                        s ->
                            out.add(
                                new Walk(
                                    e.getKey()
                                        + "#"
                                        + s.get("step").asInt()
                                        + " "
                                        + s.get("message").asText(),
                                    s,
                                    e.getKey().startsWith("discovery")))));
    assertTrue(out.size() >= 10, "walk steps: " + out.size());
    return out;
  }

  static Class<? extends Record> payloadClass(int msgId, boolean discovery, String name) {
    if (name.startsWith("legacy")) {
      return LegacyIntroductionRequestPayload.class;
    }
    Class<? extends Record> c = discovery ? DISCOVERY.get(msgId) : null;
    return c != null ? c : CORE.get(msgId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void decodingGivesTheLayoutValues(Case c) {
    JsonNode p = c.packet();
    byte[] packet = Vectors.hex(p.get("packet_hex"));
    assertEquals(p.get("packet_length").asInt(), packet.length);
    Decoded<? extends Record> d =
        Packets.decode(packet, payloadClass(p.get("msg_id").asInt(), c.discovery(), c.name()));
    assertEquals(p.get("msg_id").asInt(), d.messageId());
    assertEquals(p.get("signed").asBoolean(), d.signer() != null);
    for (JsonNode field : p.get("layout")) {
      String name = field.get("field").asText();
      switch (name) {
        case "prefix_zero_byte", "version", "community_id", "msg_id", "signature" -> {}
        case "public_key_bin" ->
            assertEquals(field.get("value").asText(), HexFormat.of().formatHex(d.signer().toBin()));
        case "global_time" -> assertEquals(field.get("value").asLong(), d.globalTime());
        case "introduce_to_marker+introduce_to" ->
            assertEquals(
                field.get("hex").asText(),
                HexFormat.of().formatHex((byte[]) component(d.payload(), "introduceTo")));
        default -> assertFieldEquals(field, component(d.payload(), camel(name)));
      }
    }
    if (d.signer() != null) {
      assertEquals(
          p.get("sender_public_key_bin_hex").asText(),
          HexFormat.of().formatHex(d.signer().toBin()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void reEncodingWithTheSendersKeyGivesTheSameBytes(Case c) {
    JsonNode p = c.packet();
    byte[] packet = Vectors.hex(p.get("packet_hex"));
    Decoded<? extends Record> d =
        Packets.decode(packet, payloadClass(p.get("msg_id").asInt(), c.discovery(), c.name()));
    byte[] prefix = Arrays.copyOf(packet, 22);
    byte[] again =
        Packets.encode(
            prefix, d.payload(), VectorKeys.byName(p.get("sender_key").asText()), d.globalTime());
    assertEquals(p.get("packet_hex").asText(), HexFormat.of().formatHex(again));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void aTamperedSignedPacketIsRejected(Case c) {
    JsonNode p = c.packet();
    if (!p.get("signed").asBoolean()) {
      return;
    }
    byte[] packet = Vectors.hex(p.get("packet_hex"));
    packet[packet.length - 1] ^= 1;
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () ->
                Packets.decode(
                    packet, payloadClass(p.get("msg_id").asInt(), c.discovery(), c.name())));
    assertEquals(DropReason.BAD_SIGNATURE, e.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("walkSteps")
  void everyDatagramOfTheWalksDecodesAndReEncodesIdentically(Walk w) {
    JsonNode s = w.step();
    byte[] packet = Vectors.hex(s.get("packet_hex"));
    Decoded<? extends Record> d =
        Packets.decode(packet, payloadClass(s.get("msg_id").asInt(), w.discovery(), ""));
    String sender =
        Vectors.load("discovery.json").get("nodes").get(s.get("from").asText()).get("key").asText();
    byte[] again =
        Packets.encode(
            Arrays.copyOf(packet, 22), d.payload(), VectorKeys.byName(sender), d.globalTime());
    assertArrayEquals(packet, again);
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }

  private static Object component(Record r, String name) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError(r.getClass().getSimpleName() + " has no component " + name);
  }

  private static void assertFieldEquals(JsonNode field, Object actual) {
    String name = field.get("field").asText();
    assertNotNull(actual, name);
    JsonNode value = field.get("value");
    if (actual instanceof Address a) {
      assertEquals(Address.of(value.get("ip").asText(), value.get("port").asInt()), a, name);
    } else if (actual instanceof Bits b) {
      assertEquals(Integer.parseInt(field.get("hex").asText(), 16), b.value(), name);
    } else if (actual instanceof byte[] b) {
      // For counted formats (varlenHx20) "hex" includes the count; "value" is the data itself.
      String expected = value.isTextual() ? value.asText() : field.get("hex").asText();
      assertEquals(expected, HexFormat.of().formatHex(b), name);
    } else if (actual instanceof Integer i) {
      assertEquals(value.asInt(), i, name);
    } else {
      throw new AssertionError("unexpected component type for " + name + ": " + actual);
    }
  }
}
