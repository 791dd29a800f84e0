package org.jipv8.reactor.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.dht.payload.ConnectPeerRequestPayload;
import org.jipv8.reactor.dht.payload.ConnectPeerResponsePayload;
import org.jipv8.reactor.dht.payload.FindRequestPayload;
import org.jipv8.reactor.dht.payload.FindResponsePayload;
import org.jipv8.reactor.dht.payload.PingRequestPayload;
import org.jipv8.reactor.dht.payload.PingResponsePayload;
import org.jipv8.reactor.dht.payload.StorePeerRequestPayload;
import org.jipv8.reactor.dht.payload.StorePeerResponsePayload;
import org.jipv8.reactor.dht.payload.StoreRequestPayload;
import org.jipv8.reactor.dht.payload.StoreResponsePayload;
import org.jipv8.reactor.dht.payload.WireNode;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.PuncturePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every packet, value, id and distance of py-ipv8 3.1's dht.json, decoded and rebuilt. */
class DhtVectorsTest {
  static final JsonNode DHT = Vectors.load("dht.json");
  static final HexFormat HEX = HexFormat.of();

  static final Map<Integer, Class<? extends Record>> TYPES =
      Map.ofEntries(
          Map.entry(1, PingRequestPayload.class),
          Map.entry(2, PingResponsePayload.class),
          Map.entry(3, StoreRequestPayload.class),
          Map.entry(4, StoreResponsePayload.class),
          Map.entry(5, FindRequestPayload.class),
          Map.entry(6, FindResponsePayload.class),
          Map.entry(7, StorePeerRequestPayload.class),
          Map.entry(8, StorePeerResponsePayload.class),
          Map.entry(9, ConnectPeerRequestPayload.class),
          Map.entry(10, ConnectPeerResponsePayload.class),
          Map.entry(249, PuncturePayload.class),
          Map.entry(250, PunctureRequestPayload.class));

  static Stream<JsonNode> packets() {
    List<JsonNode> all = new ArrayList<>();
    DHT.get("messages").forEach(all::add);
    DHT.get("constructed_messages").forEach(all::add);
    return all.stream();
  }

  @Test
  void theCommunityIdIsPyIpv8s() {
    assertEquals(DHT.get("community_id_hex").asText(), DhtConstants.COMMUNITY_ID.hex());
    assertEquals(24, DHT.get("messages").size() + DHT.get("constructed_messages").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packets")
  void everyPacketDecodesToItsFieldsAndRebuildsByteForByte(JsonNode m) {
    byte[] packet = Vectors.hex(m.get("packet_hex"));
    Class<? extends Record> type = TYPES.get(m.get("msg_id").asInt());
    Decoded<? extends Record> d = Packets.decode(packet, type);
    JsonNode py = m.get("decoded_by_py_ipv8");
    if (m.get("signed").asBoolean()) {
      assertTrue(py.get("signature_valid").asBoolean());
      assertEquals(py.get("public_key_bin").asText(), HEX.formatHex(d.signer().toBin()));
    }
    assertFields(py.get("payload"), d.payload());
    long globalTime = py.has("global_time") ? py.get("global_time").asLong() : 0;
    PrivateKey key = VectorIdentities.key(m.get("sender_key").asText());
    byte[] rebuilt = Packets.encode(DhtConstants.COMMUNITY_ID.prefix(), d.payload(), key, 0);
    if (globalTime != 0) {
      rebuilt = Packets.encode(DhtConstants.COMMUNITY_ID.prefix(), d.payload(), key, globalTime);
    }
    assertEquals(m.get("packet_hex").asText(), HEX.formatHex(rebuilt), m.get("name").asText());
    assertLayout(m, packet);
  }

  /** The layout's hex parts joined are the packet; list fields list their items. */
  private static void assertLayout(JsonNode m, byte[] packet) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode f : m.get("layout")) {
      joined.append(f.get("hex").asText());
      assertEquals(
          f.get("hex").asText(),
          HEX.formatHex(
              packet, f.get("offset").asInt(), f.get("offset").asInt() + f.get("length").asInt()));
    }
    assertEquals(m.get("packet_hex").asText(), joined.toString());
  }

  @Test
  void signedDhtMessagesCarryNoGlobalTime() {
    JsonNode ping = DHT.get("messages").get(0);
    assertEquals(167, ping.get("packet_length").asInt());
    assertFalse(Packets.declaration(PingRequestPayload.class).globalTime());
    assertTrue(Packets.declaration(PingRequestPayload.class).signed());
  }

  @Test
  void theIdentifierIsUnsigned32Bit() {
    PrivateKey a = VectorIdentities.key("curve25519-0");
    byte[] p = Packets.encode(DhtConstants.COMMUNITY_ID.prefix(), new PingRequestPayload(-1), a, 0);
    assertEquals("ffffffff", HEX.formatHex(p, 99, 103));
    assertEquals(
        0xFFFF_FFFFL,
        Integer.toUnsignedLong(Packets.decode(p, PingRequestPayload.class).payload().identifier()));
  }

  @Test
  void nodeListsEncodeInlineWithACount() {
    for (JsonNode c : DHT.get("node_list_encoding").get("cases")) {
      List<WireNode> nodes = new ArrayList<>();
      for (JsonNode n : c.get("unpacked_by_py_ipv8")) {
        nodes.add(
            new WireNode(address(n.get("address")), Vectors.hex(n.get("public_key_bin_hex"))));
        Node node =
            new Node(
                Keys.publicFromBin(Vectors.hex(n.get("public_key_bin_hex"))),
                address(n.get("address")));
        assertEquals(n.get("node_id_hex").asText(), HEX.formatHex(node.id()));
        assertEquals(n.get("mid_hex").asText(), HEX.formatHex(node.mid()));
      }
      byte[] packet =
          Packets.encode(
              DhtConstants.COMMUNITY_ID.prefix(),
              new ConnectPeerResponsePayload(1, nodes),
              VectorIdentities.key("curve25519-0"),
              0);
      String body = HEX.formatHex(packet, 103, packet.length - 64);
      assertEquals(c.get("encoded_hex").asText(), body, c.get("name").asText());
    }
  }

  @Test
  void aNodeListRunningPastTheEndIsTruncated() {
    JsonNode m = DHT.get("messages").get(13); // connect-peer-response-nodes
    assertEquals("connect-peer-response-nodes", m.get("name").asText());
    byte[] packet = Vectors.hex(m.get("packet_hex"));
    packet[103] = 2; // claims two nodes, holds one
    PacketDecodingException e =
        assertThrows(
            PacketDecodingException.class,
            () -> Packets.decode(packet, ConnectPeerResponsePayload.class));
    assertEquals(org.jipv8.api.messaging.DropReason.TRUNCATED, e.reason(), e.getMessage());
  }

  @Test
  void valueCasesDecodeAndRebuild() {
    for (JsonNode c : DHT.get("values").get("cases")) {
      byte[] value = Vectors.hex(c.get("value_hex"));
      byte[] data = Vectors.hex(c.get("data_hex"));
      DhtValue parsed = DhtValues.parse(value).orElseThrow();
      assertArrayEquals(data, parsed.data(), c.get("name").asText());
      JsonNode py = c.get("py_ipv8_unserialize_value");
      if (c.get("sign").asBoolean()) {
        PrivateKey key = VectorIdentities.key(c.get("signer").asText());
        assertEquals(py.get("public_key_bin_hex").asText(), HEX.formatHex(parsed.signer().toBin()));
        assertEquals(py.get("version").asLong(), parsed.version());
        assertArrayEquals(value, DhtValues.signed(data, c.get("clock").asLong(), key));
      } else {
        assertNull(parsed.signer());
        assertArrayEquals(value, DhtValues.unsigned(data));
      }
      assertEquals(c.get("length").asInt(), value.length);
      assertTrue(value.length <= DhtValues.MAX_ENTRY_SIZE);
      assertEquals(
          c.get("storage_value_id_hex").asText(),
          HEX.formatHex(DhtValues.storageId(value, parsed)),
          c.get("name").asText());
    }
    assertEquals(DHT.get("values").get("max_entry_size").asInt(), DhtValues.MAX_ENTRY_SIZE);
  }

  @Test
  void rejectedValuesDoNotParse() {
    assertEquals(3, DHT.get("values").get("rejected").size());
    for (JsonNode c : DHT.get("values").get("rejected")) {
      assertTrue(
          DhtValues.parse(Vectors.hex(c.get("value_hex"))).isEmpty(), c.get("name").asText());
    }
    assertTrue(DhtValues.parse(new byte[0]).isEmpty());
    assertTrue(DhtValues.parse(new byte[] {1, 0}).isEmpty());
  }

  @Test
  void nodeIdsMixTheMaskedIpCrcWithTheMid() {
    JsonNode cases = DHT.get("node_ids").get("cases");
    assertEquals(44, cases.size());
    for (JsonNode c : cases) {
      Address a = address(c.get("address"));
      byte[] mid = Vectors.hex(c.get("mid_hex"));
      assertEquals(c.get("masked_ip_hex").asText(), HEX.formatHex(NodeIds.maskedIp(a)));
      assertEquals(c.get("node_id_hex").asText(), HEX.formatHex(NodeIds.of(a, mid)), a.toString());
      assertEquals(c.get("node_id_bits").asText(), NodeIds.bits(NodeIds.of(a, mid)));
    }
    for (JsonNode n : DHT.get("nodes")) {
      Node node =
          new Node(
              Keys.publicFromBin(Vectors.hex(n.get("public_key_bin_hex"))), address(n.get("wan")));
      assertEquals(n.get("node_id_hex").asText(), HEX.formatHex(node.id()));
    }
  }

  @Test
  void distancesAreXorAsUnsigned160BitIntegers() {
    for (JsonNode p : DHT.get("distance").get("pairs")) {
      BigInteger d = NodeIds.distance(Vectors.hex(p.get("a_hex")), Vectors.hex(p.get("b_hex")));
      assertEquals(new BigInteger(p.get("distance_decimal").asText()), d);
      assertEquals(p.get("distance_hex").asText(), String.format("%040x", d));
      assertEquals(p.get("distance_bit_length").asInt(), d.bitLength());
    }
    for (JsonNode t : DHT.get("distance").get("closest_first")) {
      byte[] target = Vectors.hex(t.get("target_hex"));
      List<byte[]> ids = new ArrayList<>();
      t.get("nodes").forEach(n -> ids.add(Vectors.hex(n.get("node_id_hex"))));
      List<byte[]> sorted = new ArrayList<>(ids);
      java.util.Collections.reverse(sorted);
      sorted.sort((x, y) -> NodeIds.compareDistance(x, y, target));
      for (int i = 0; i < ids.size(); i++) {
        assertArrayEquals(ids.get(i), sorted.get(i));
        assertEquals(
            t.get("nodes").get(i).get("distance_hex").asText(),
            HEX.formatHex(NodeIds.xor(ids.get(i), target)));
      }
    }
  }

  @Test
  void everyDatagramOfTheScriptedExchangeParsesVerifiesAndRebuilds() {
    JsonNode datagrams = DHT.get("exchange").get("datagrams");
    assertEquals(94, datagrams.size());
    for (JsonNode d : datagrams) {
      byte[] packet = Vectors.hex(d.get("packet_hex"));
      int id = d.get("msg_id").asInt();
      Decoded<? extends Record> decoded = Packets.decode(packet, TYPES.get(id));
      String sender = DHT.get("nodes").get(d.get("from").asText()).get("key").asText();
      PrivateKey key = VectorIdentities.key(sender);
      if (decoded.signer() != null) {
        assertArrayEquals(
            key.publicKey().toBin(), decoded.signer().toBin(), "step " + d.get("step"));
      }
      byte[] rebuilt =
          Packets.encode(
              DhtConstants.COMMUNITY_ID.prefix(), decoded.payload(), key, decoded.globalTime());
      assertEquals(d.get("packet_hex").asText(), HEX.formatHex(rebuilt), "step " + d.get("step"));
    }
  }

  // ------------------------------------------------------------------ helpers

  static Address address(JsonNode json) {
    String ip = json.get("ip").asText();
    int port = json.get("port").asInt();
    return ip.indexOf(':') >= 0 ? Address.ipv6(ip, port) : Address.ipv4(ip, port);
  }

  static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  /** Every component of {@code payload} equals the py-ipv8 field of the same (snake_case) name. */
  static void assertFields(JsonNode expected, Record payload) {
    RecordComponent[] comps = payload.getClass().getRecordComponents();
    assertEquals(expected.size(), comps.length, payload.getClass().getSimpleName());
    for (RecordComponent c : comps) {
      Object v;
      try {
        v = c.getAccessor().invoke(payload);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      JsonNode want = expected.get(snake(c.getName()));
      if (want == null) {
        throw new AssertionError("py-ipv8 has no field " + snake(c.getName()));
      }
      assertValue(want, v, c.getName());
    }
  }

  private static void assertValue(JsonNode want, Object v, String field) {
    if (v instanceof Integer i) {
      assertEquals(want.asLong(), Integer.toUnsignedLong(i), field);
    } else if (v instanceof Boolean b) {
      assertEquals(want.asBoolean(), b, field);
    } else if (v instanceof byte[] b) {
      assertEquals(want.asText(), HEX.formatHex(b), field);
    } else if (v instanceof Address a) {
      assertEquals(address(want), a, field);
    } else if (v instanceof List<?> list) {
      assertEquals(want.size(), list.size(), field);
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        JsonNode w = want.get(i);
        if (item instanceof WireNode n) {
          assertEquals(w.get("public_key_bin_hex").asText(), HEX.formatHex(n.publicKey()));
          assertEquals(address(w.get("address")), n.address());
          Node node = new Node(Keys.publicFromBin(n.publicKey()), n.address());
          assertEquals(w.get("node_id_hex").asText(), HEX.formatHex(node.id()), "node id");
        } else {
          assertValue(w, item, field + "[" + i + "]");
        }
      }
    } else {
      throw new AssertionError(field + ": unexpected " + v);
    }
  }
}
