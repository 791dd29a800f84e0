package org.jipv8.reactor.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HexFormat;
import org.jipv8.api.community.CommunityId;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;

/** The interop message of signed_message.json, rebuilt byte for byte and parsed. */
class SignedMessageVectorsTest {
  private static final JsonNode ROOT = Vectors.load("signed_message.json");
  private static final byte[] PREFIX =
      CommunityId.fromHex(ROOT.get("community_id_hex").asText()).prefix();

  private static JsonNode message(String name) {
    for (JsonNode m : ROOT.get("messages")) {
      if (m.get("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("signed_message.json has no " + name);
  }

  private static long counter(JsonNode input) {
    return new BigInteger(input.get("counter").asText()).longValue();
  }

  @Test
  void signedMessageIsRebuiltByteForByte() {
    JsonNode m = message("interop-message-signed");
    JsonNode in = m.get("input");
    byte[] packet =
        Packets.encode(
            PREFIX,
            new InteropMessages.Signed(in.get("text_utf8").asText(), counter(in)),
            VectorKeys.byName(m.get("sender_key").asText()),
            in.get("global_time").asLong());
    assertEquals(m.get("packet_hex").asText(), HexFormat.of().formatHex(packet));
    Decoded<InteropMessages.Signed> d = Packets.decode(packet, InteropMessages.Signed.class);
    assertEquals(in.get("text_utf8").asText(), d.payload().text());
    assertEquals(7, d.payload().counter());
    assertEquals(1234, d.globalTime());
    assertEquals(
        m.get("sender_public_key_bin_hex").asText(), HexFormat.of().formatHex(d.signer().toBin()));
  }

  @Test
  void unsignedMessageIsRebuiltByteForByte() {
    JsonNode m = message("interop-message-unsigned");
    JsonNode in = m.get("input");
    byte[] packet =
        Packets.encode(
            PREFIX,
            new InteropMessages.Unsigned(in.get("text_utf8").asText(), counter(in)),
            null,
            in.get("global_time").asLong());
    assertEquals(m.get("packet_hex").asText(), HexFormat.of().formatHex(packet));
    Decoded<InteropMessages.Unsigned> d = Packets.decode(packet, InteropMessages.Unsigned.class);
    assertNull(d.signer());
    assertEquals(1235, d.globalTime());
  }

  @Test
  void bareUnsignedFormHasNoGlobalTime() {
    JsonNode m = message("interop-message-unsigned-no-global-time-form");
    JsonNode in = m.get("input");
    byte[] packet =
        Packets.encode(
            PREFIX, new InteropMessages.Bare(in.get("text_utf8").asText(), counter(in)), null, 0);
    assertEquals(m.get("packet_hex").asText(), HexFormat.of().formatHex(packet));
    Decoded<InteropMessages.Bare> d = Packets.decode(packet, InteropMessages.Bare.class);
    assertEquals("18446744073709551615", Long.toUnsignedString(d.payload().counter()));
  }

  @Test
  void ecSignedMessageFromPyIpv8ParsesAndVerifies() {
    JsonNode m = message("interop-message-signed-ec-medium");
    byte[] packet = Vectors.hex(m.get("packet_hex"));
    Decoded<InteropMessages.Signed> d = Packets.decode(packet, InteropMessages.Signed.class);
    assertNotNull(d.signer());
    assertEquals(104, d.signer().signatureLength());
    assertEquals("ec signed", d.payload().text());
    assertEquals(1, d.payload().counter());
    assertEquals(5, d.globalTime());
    assertEquals(
        m.get("decoded_by_py_ipv8").get("signer_mid").asText(),
        HexFormat.of().formatHex(d.signer().mid()));
  }
}
