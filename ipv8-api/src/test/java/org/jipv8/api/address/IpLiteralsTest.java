package org.jipv8.api.address;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free IPv4 literal parser accepts and decodes exactly what the former {@code
 * String.split} parser did: a differential run over random strings built from digits, dots and a
 * few other characters (fixed seed), and the edge cases.
 */
class IpLiteralsTest {

  /** The former parser, kept here as the reference. */
  private static byte[] reference(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static void assertAgrees(String host) {
    byte[] expected = reference(host);
    assertArrayEquals(expected, IpLiterals.parseIpv4(host), host);
    assertEquals(expected != null, IpLiterals.isIpv4Literal(host), host);
    if (expected != null) {
      int a = expected[0] & 0xff;
      int b = expected[1] & 0xff;
      assertEquals(a == 127, IpLiterals.isLoopback(host), host);
      assertEquals(
          a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168),
          IpLiterals.isPrivateIpv4(host),
          host);
    } else {
      assertEquals(false, IpLiterals.isPrivateIpv4(host), host);
    }
  }

  @Test
  void edgeCases() {
    for (String h :
        new String[] {
          "",
          ".",
          "...",
          "1.2.3",
          "1.2.3.4",
          "1.2.3.4.",
          ".1.2.3.4",
          "1..2.3",
          "0.0.0.0",
          "255.255.255.255",
          "256.1.1.1",
          "1.1.1.256",
          "001.002.003.004",
          "0001.2.3.4",
          "1.2.3.4.5",
          "1.2.3.-4",
          "1.2.3.+4",
          "1.2.3.4 ",
          " 1.2.3.4",
          "::1",
          "::ffff:1.2.3.4",
          "a.b.c.d",
          "999.999.999.999",
          "127.0.0.1",
          "1.2.3.٤"
        }) {
      assertAgrees(h);
    }
  }

  @Test
  void randomStringsAgreeWithTheSplitParser() {
    Random r = new Random(10);
    String alphabet = "0123456789....25a: ";
    int accepted = 0;
    for (int n = 0; n < 300_000; n++) {
      int len = r.nextInt(18);
      StringBuilder sb = new StringBuilder(len);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String host = sb.toString();
      assertAgrees(host);
      if (reference(host) != null) {
        accepted++;
      }
    }
    // The run must exercise the accepting path, not only refusals.
    assertEquals(true, accepted > 100, "accepted " + accepted);
  }

  @Test
  void randomValidLiteralsDecodeToTheirBytes() {
    Random r = new Random(11);
    for (int n = 0; n < 10_000; n++) {
      int[] v = {r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)};
      String host = v[0] + "." + v[1] + "." + v[2] + "." + v[3];
      byte[] b = IpLiterals.parseIpv4(host);
      for (int i = 0; i < 4; i++) {
        assertEquals(v[i], b[i] & 0xff, host);
      }
    }
  }
}
