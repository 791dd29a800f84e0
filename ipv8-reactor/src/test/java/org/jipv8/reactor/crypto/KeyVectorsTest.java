package org.jipv8.reactor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key of keys.json, as produced by py-ipv8 3.1. */
class KeyVectorsTest {

  static List<JsonNode> curveKeys() {
    List<JsonNode> out = new ArrayList<>();
    Vectors.load("keys.json").get("curve25519_keys").forEach(out::add);
    assertEquals(4, out.size(), "keys.json should hold 4 curve25519 keys");
    return out;
  }

  static List<JsonNode> ecKeys() {
    List<JsonNode> out = new ArrayList<>();
    Vectors.load("keys.json").get("ec_keys").forEach(out::add);
    assertEquals(2, out.size(), "keys.json should hold 2 EC keys");
    return out;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @ParameterizedTest
  @MethodSource("curveKeys")
  void curve25519PrivateKeyDerivesThePublicKeyAndMid(JsonNode v) {
    PrivateKey key = Keys.privateFromBin(Vectors.hex(v.get("private_key_bin_hex")));
    assertEquals(KeyType.CURVE25519, key.type());
    assertEquals(v.get("private_key_bin_hex").asText(), hex(key.toPrivateBin()));
    byte[] pub = key.publicKey().toBin();
    assertEquals(v.get("public_key_bin_hex").asText(), hex(pub));
    assertEquals(
        v.get("curve25519_public_hex").asText(), hex(java.util.Arrays.copyOfRange(pub, 10, 42)));
    assertEquals(
        v.get("ed25519_public_hex").asText(), hex(java.util.Arrays.copyOfRange(pub, 42, 74)));
    assertEquals(v.get("mid_hex").asText(), hex(key.publicKey().mid()));
    PublicKey parsed = Keys.publicFromBin(pub);
    assertEquals(v.get("mid_from_public_hex").asText(), hex(parsed.mid()));
    assertEquals(key.publicKey(), parsed);
    assertEquals(v.get("signature_length").asInt(), parsed.signatureLength());
  }

  @ParameterizedTest
  @MethodSource("curveKeys")
  void curve25519SignaturesAreByteIdenticalAndVerify(JsonNode v) {
    PrivateKey key = Keys.privateFromBin(Vectors.hex(v.get("private_key_bin_hex")));
    PublicKey pub = Keys.publicFromBin(Vectors.hex(v.get("public_key_bin_hex")));
    for (JsonNode s : v.get("signatures")) {
      byte[] message = Vectors.hex(s.get("message_hex"));
      byte[] expected = Vectors.hex(s.get("signature_hex"));
      assertEquals(
          s.get("signature_hex").asText(), hex(key.sign(message)), s.get("message_name").asText());
      // The "empty" message: py-ipv8 reports false only because libnacl returns the (empty, falsy)
      // opened message; the signature is a correct Ed25519 signature and a correct verifier accepts
      // it.
      assertTrue(pub.verify(expected, message), s.get("message_name").asText());
    }
  }

  @ParameterizedTest
  @MethodSource("curveKeys")
  void curve25519TamperedSignatureDoesNotVerify(JsonNode v) {
    PublicKey pub = Keys.publicFromBin(Vectors.hex(v.get("public_key_bin_hex")));
    JsonNode t = v.get("tampered_signature");
    assertFalse(t.get("py_ipv8_is_valid_signature").asBoolean());
    assertFalse(pub.verify(Vectors.hex(t.get("signature_hex")), Vectors.hex(t.get("message_hex"))));
  }

  @ParameterizedTest
  @MethodSource("ecKeys")
  void ecKeysParseAndReEncodeIdentically(JsonNode v) {
    PrivateKey key = Keys.privateFromBin(Vectors.hex(v.get("private_key_bin_hex")));
    assertEquals(v.get("private_key_bin_hex").asText(), hex(key.toPrivateBin()));
    assertEquals(v.get("public_key_bin_hex").asText(), hex(key.publicKey().toBin()));
    PublicKey pub = Keys.publicFromBin(Vectors.hex(v.get("public_key_bin_hex")));
    assertEquals(KeyType.fromConfigName(v.get("security_level").asText()), pub.type());
    assertEquals(v.get("mid_hex").asText(), hex(pub.mid()));
    assertEquals(v.get("signature_length").asInt(), pub.signatureLength());
  }

  @ParameterizedTest
  @MethodSource("ecKeys")
  void ecSignaturesFromPyIpv8VerifyAndTamperedOnesDoNot(JsonNode v) {
    PublicKey pub = Keys.publicFromBin(Vectors.hex(v.get("public_key_bin_hex")));
    byte[] message = Vectors.hex(v.get("message_hex"));
    assertTrue(pub.verify(Vectors.hex(v.get("signature_hex")), message));
    assertFalse(pub.verify(Vectors.hex(v.get("tampered_signature_hex")), message));
  }

  @ParameterizedTest
  @MethodSource("ecKeys")
  void ecSignaturesWeMakeVerifyWithTheVectorPublicKey(JsonNode v) {
    PrivateKey key = Keys.privateFromBin(Vectors.hex(v.get("private_key_bin_hex")));
    PublicKey pub = Keys.publicFromBin(Vectors.hex(v.get("public_key_bin_hex")));
    byte[] message = Vectors.hex(v.get("message_hex"));
    byte[] sig = key.sign(message);
    assertEquals(v.get("signature_length").asInt(), sig.length);
    assertTrue(pub.verify(sig, message));
    assertArrayEquals(key.publicKey().toBin(), pub.toBin());
  }
}
