package org.jipv8.reactor.crypto;

import org.bouncycastle.crypto.digests.SHA1Digest;

/** SHA-1 as IPv8 uses it for member ids and EC signatures. */
final class Digests {
  private Digests() {}

  static byte[] sha1(byte[] data, int offset, int length) {
    SHA1Digest d = new SHA1Digest();
    d.update(data, offset, length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }

  static byte[] sha1(byte[] data) {
    return sha1(data, 0, data.length);
  }
}
