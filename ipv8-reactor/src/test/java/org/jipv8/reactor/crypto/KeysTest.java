package org.jipv8.reactor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {
  private static final byte[] MESSAGE = "an IPv8 packet".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void everyKeyTypeGeneratesSignsVerifiesAndRoundTrips(KeyType type) {
    PrivateKey key = Keys.generate(type);
    assertEquals(type, key.type());
    byte[] sig = key.sign(MESSAGE);
    assertEquals(type.signatureLength(), sig.length);
    assertEquals(type.signatureLength(), key.publicKey().signatureLength());
    assertTrue(key.publicKey().verify(sig, MESSAGE));
    PrivateKey again = Keys.privateFromBin(key.toPrivateBin());
    assertEquals(key, again);
    PublicKey pub = Keys.publicFromBin(key.publicKey().toBin());
    assertEquals(key.publicKey(), pub);
    assertTrue(pub.verify(sig, MESSAGE));
    byte[] other = MESSAGE.clone();
    other[0] ^= 1;
    assertFalse(pub.verify(sig, other));
  }

  @Test
  void signatureOfTheWrongLengthDoesNotVerify() {
    PrivateKey key = Keys.generate(KeyType.CURVE25519);
    byte[] sig = key.sign(MESSAGE);
    assertFalse(key.publicKey().verify(Arrays.copyOf(sig, 63), MESSAGE));
  }

  @Test
  void shortCurve25519PublicKeyIsRefusedNamingTheType() {
    byte[] bin = "LibNaCLPK:abc".getBytes(StandardCharsets.US_ASCII);
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(bin));
    assertTrue(e.getMessage().contains("curve25519 public key"), e.getMessage());
  }

  @Test
  void trailingBytesAfterACurve25519PublicKeyAreRefused() {
    byte[] bin = Arrays.copyOf(Keys.generate(KeyType.CURVE25519).publicKey().toBin(), 75);
    assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(bin));
  }

  @Test
  void privateKeyMaterialIsRefusedAsAPublicKey() {
    byte[] bin = Keys.generate(KeyType.CURVE25519).toPrivateBin();
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(bin));
    assertTrue(e.getMessage().contains("private key material"), e.getMessage());
    byte[] pem = "-----BEGIN EC PRIVATE KEY-----\nabc".getBytes(StandardCharsets.US_ASCII);
    assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(pem));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void aKeyInsideABufferParsesAsTheSameKeyAndIsNotTiedToTheBuffer(KeyType type) {
    PublicKey key = Keys.generate(type).publicKey();
    byte[] bin = key.toBin();
    byte[] buffer = new byte[bin.length + 10];
    System.arraycopy(bin, 0, buffer, 7, bin.length);
    PublicKey inside = Keys.publicFromBin(buffer, 7, bin.length);
    assertEquals(key, inside);
    assertArrayEquals(bin, inside.toBin());
    // Reusing the buffer (as a receive path does) changes neither the key nor what is cached.
    Arrays.fill(buffer, (byte) 0x5a);
    assertArrayEquals(bin, inside.toBin());
    assertEquals(key, Keys.publicFromBin(bin));
    assertEquals(key, Keys.publicFromBin(Arrays.copyOf(bin, bin.length)));
  }

  @Test
  void aRangeOfABufferIsCheckedLikeAWholeKey() {
    byte[] bin = Keys.generate(KeyType.CURVE25519).publicKey().toBin();
    byte[] buffer = Arrays.copyOf(bin, bin.length + 1);
    // The 74 bytes parse; with the extra byte they are a non-canonical key, refused.
    assertEquals(Keys.publicFromBin(bin), Keys.publicFromBin(buffer, 0, bin.length));
    assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(buffer, 0, buffer.length));
    byte[] secret = Keys.generate(KeyType.CURVE25519).toPrivateBin();
    byte[] wrapped = new byte[secret.length + 3];
    System.arraycopy(secret, 0, wrapped, 3, secret.length);
    InvalidKeyException e =
        assertThrows(
            InvalidKeyException.class, () -> Keys.publicFromBin(wrapped, 3, secret.length));
    assertTrue(e.getMessage().contains("private key material"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Keys.publicFromBin(bin, 1, bin.length));
  }

  @Test
  void garbageIsRefusedNamingTheExpectedEcForm() {
    byte[] garbage = {1, 2, 3, 4};
    InvalidKeyException e =
        assertThrows(InvalidKeyException.class, () -> Keys.publicFromBin(garbage));
    assertTrue(e.getMessage().contains("EC public key"), e.getMessage());
    InvalidKeyException p =
        assertThrows(InvalidKeyException.class, () -> Keys.privateFromBin(garbage));
    assertTrue(p.getMessage().contains("EC private key"), p.getMessage());
  }

  @Test
  void ecSignatureHalvesAreSizedByTheFieldNotTheOrder() {
    assertEquals(42, Keys.generate(KeyType.VERY_LOW).sign(MESSAGE).length);
    assertEquals(60, Keys.generate(KeyType.LOW).sign(MESSAGE).length);
    assertEquals(104, Keys.generate(KeyType.MEDIUM).sign(MESSAGE).length);
    assertEquals(144, Keys.generate(KeyType.HIGH).sign(MESSAGE).length);
  }

  @Test
  void allZeroEcSignatureHalfFails() {
    PrivateKey key = Keys.generate(KeyType.VERY_LOW);
    byte[] sig = key.sign(MESSAGE);
    Arrays.fill(sig, 0, 21, (byte) 0);
    assertFalse(key.publicKey().verify(sig, MESSAGE));
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyType.class,
      names = {"CURVE25519", "VERY_LOW"})
  void keyFileRoundTripsInPyIpv8Format(KeyType type, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/ec_multichain.pem");
    PrivateKey created = KeyFile.loadOrCreate(file, type);
    assertArrayEquals(created.toPrivateBin(), Files.readAllBytes(file));
    assertEquals(created, KeyFile.loadOrCreate(file, type));
    assertEquals(created, KeyFile.load(file));
  }

  @Test
  void unreadableKeyFileNamesThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.pem");
    Files.write(file, new byte[] {9, 9, 9});
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> KeyFile.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
