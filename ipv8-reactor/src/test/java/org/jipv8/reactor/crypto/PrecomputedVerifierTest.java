package org.jipv8.reactor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class PrecomputedVerifierTest {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 8032, section 7.1, TEST 1-3: secret key, public key, message, signature.
  private static final String[][] RFC8032 = {
    {
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
      "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    },
    {
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
      "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
    },
    {
      "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
      "af82",
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    },
  };

  @Test
  void acceptsTheRfc8032Vectors() {
    for (String[] v : RFC8032) {
      byte[] pk = HEX.parseHex(v[1]);
      byte[] msg = HEX.parseHex(v[2]);
      byte[] sig = HEX.parseHex(v[3]);
      byte[] derived = new byte[32];
      Ed25519.generatePublicKey(HEX.parseHex(v[0]), 0, derived, 0);
      assertEquals(v[1], HEX.formatHex(derived));
      PrecomputedVerifier fast = PrecomputedVerifier.of(pk);
      assertNotNull(fast);
      assertTrue(fast.accepts(msg, 0, msg.length, sig, 0), v[1]);
      sig[0] ^= 1;
      assertFalse(fast.accepts(msg, 0, msg.length, sig, 0), v[1]);
    }
  }

  // A longer run: -Djipv8.ed25519.differential=1000000 (about 90 s on one core).
  @Test
  void neverAcceptsWhatBouncyCastleRejectsAndAcceptsEveryValidSignature() {
    int n = Integer.getInteger("jipv8.ed25519.differential", 20_000);
    Differential d = Differential.run(n, 7L);
    System.out.println("differential run of " + n + ": " + d);
    assertEquals(0, d.disagreements, d.toString());
    assertEquals(d.valid, d.fastAccepted, "every valid signature takes the fast path: " + d);
    assertTrue(d.valid > n / 8 && d.bcRejected > n / 2, d.toString());
  }

  /** Random valid, tampered and malformed signatures, each checked by both. */
  static final class Differential {
    long valid;
    long fastAccepted;
    long bcRejected;
    long disagreements;

    static Differential run(int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      Differential d = new Differential();
      byte[] sk = new byte[32];
      byte[] pk = new byte[32];
      PrecomputedVerifier fast = null;
      Ed25519.PublicPoint point = null;
      for (int i = 0; i < n; i++) {
        if (i % 64 == 0) {
          random.nextBytes(sk);
          Ed25519.generatePublicKey(sk, 0, pk, 0);
          point = Ed25519.validatePublicKeyFullExport(pk, 0);
          fast = PrecomputedVerifier.of(pk);
        }
        byte[] msg = new byte[random.nextInt(200)];
        random.nextBytes(msg);
        byte[] sig = new byte[64];
        Ed25519.sign(sk, 0, pk, 0, msg, 0, msg.length, sig, 0);
        boolean tampered = mangle(random.nextInt(10), sig, msg, random);
        boolean bc = Ed25519.verify(sig, 0, point, msg, 0, msg.length);
        boolean ours = fast.accepts(msg, 0, msg.length, sig, 0);
        if (!tampered) {
          d.valid++;
        }
        if (ours) {
          d.fastAccepted++;
        }
        if (!bc) {
          d.bcRejected++;
        }
        // The fast path may decline what Bouncy Castle accepts (the caller then asks Bouncy
        // Castle); it must never accept what Bouncy Castle rejects.
        if (ours && !bc || !tampered && !ours) {
          d.disagreements++;
        }
      }
      return d;
    }

    // 0-2: untouched; 3: a bit of R; 4: a bit of S; 5: a bit of the message; 6: S + L (the same
    // point equation, non-canonical S); 7: R's y replaced by y + p where that fits (non-canonical);
    // 8: R the neutral element; 9: random bytes.
    private static boolean mangle(int kind, byte[] sig, byte[] msg, SplittableRandom random) {
      switch (kind) {
        case 3 -> sig[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        case 4 -> sig[32 + random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
        case 5 -> {
          if (msg.length == 0) {
            sig[0] ^= 1;
          } else {
            msg[random.nextInt(msg.length)] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 6 -> {
          BigInteger s = le(sig, 32).add(Ed25519Scalars.L);
          putLe(s, sig, 32);
        }
        case 7 -> {
          sig[31] |= 0x7F;
          for (int i = 1; i < 31; i++) {
            sig[i] = (byte) 0xFF;
          }
          sig[0] = (byte) (0xED + random.nextInt(0x13));
        }
        case 8 -> {
          java.util.Arrays.fill(sig, 0, 32, (byte) 0);
          sig[0] = 1;
        }
        case 9 -> random.nextBytes(sig);
        default -> {
          return false;
        }
      }
      return true;
    }

    private static BigInteger le(byte[] b, int off) {
      byte[] be = new byte[32];
      for (int i = 0; i < 32; i++) {
        be[i] = b[off + 31 - i];
      }
      return new BigInteger(1, be);
    }

    private static void putLe(BigInteger v, byte[] b, int off) {
      byte[] be = v.toByteArray();
      for (int i = 0; i < 32; i++) {
        b[off + i] = i < be.length ? be[be.length - 1 - i] : 0;
      }
    }

    @Override
    public String toString() {
      return "valid "
          + valid
          + ", accepted by the fast path "
          + fastAccepted
          + ", rejected by Bouncy Castle "
          + bcRejected
          + ", disagreements "
          + disagreements;
    }
  }
}
