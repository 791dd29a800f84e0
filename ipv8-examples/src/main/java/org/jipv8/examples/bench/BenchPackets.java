package org.jipv8.examples.bench;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;

/**
 * The datagrams a bench sender cycles through, built (and signed) before the clock starts so the
 * sender's own signing never limits the offered rate. Every datagram of a pool is distinct
 * (sequence number, global time or identifier), and custom messages are {@value #DATAGRAM_BYTES}
 * bytes long.
 */
public final class BenchPackets {
  /** The length of a custom-message datagram, signed or not. */
  public static final int DATAGRAM_BYTES = 200;

  /** Distinct unsigned datagrams in a pool (content does not matter to the receiver). */
  static final int UNSIGNED_POOL = 64;

  /** Distinct signed datagrams in a pool. */
  static final int SIGNED_POOL = 8192;

  /** Keys that sign introduction-requests, so the receiver meets many peers. */
  static final int INTRO_KEYS = 256;

  private BenchPackets() {}

  /**
   * The pool of {@code mode}.
   *
   * @param sources the local addresses of the sender's sockets; intro datagram {@code i} is meant
   *     to leave from {@code sources.get(i % sources.size())}
   * @param destination the receiver's address (written into introduction-requests)
   */
  public static List<byte[]> pool(BenchMode mode, List<Address> sources, Address destination) {
    byte[] prefix = BenchCommunity.ID.prefix();
    List<byte[]> out = new ArrayList<>();
    switch (mode) {
      case RAW, UNSIGNED -> {
        byte[] body = new byte[DATAGRAM_BYTES - 23 - 8 - 8];
        for (int i = 0; i < UNSIGNED_POOL; i++) {
          out.add(Packets.encode(prefix, new BenchCommunity.Unsigned(i, body), null, i + 1));
        }
      }
      case SIGNED -> {
        PrivateKey key = Keys.generate(KeyType.CURVE25519);
        int overhead =
            Packets.encode(prefix, new BenchCommunity.Signed(0, new byte[0]), key, 1).length;
        byte[] body = new byte[Math.max(0, DATAGRAM_BYTES - overhead)];
        for (int i = 0; i < SIGNED_POOL; i++) {
          out.add(Packets.encode(prefix, new BenchCommunity.Signed(i, body), key, i + 1));
        }
      }
      case INTRO -> {
        List<PrivateKey> keys = new ArrayList<>();
        for (int k = 0; k < INTRO_KEYS; k++) {
          keys.add(Keys.generate(KeyType.CURVE25519));
        }
        for (int i = 0; i < SIGNED_POOL; i++) {
          Address source = sources.get(i % sources.size());
          IntroductionRequestPayload request =
              new IntroductionRequestPayload(
                  destination,
                  source,
                  source,
                  new Bits(IntroductionRequestPayload.ADVICE),
                  i & 0xFFFF,
                  new byte[0]);
          out.add(Packets.encode(prefix, request, keys.get(i % INTRO_KEYS), i / INTRO_KEYS + 1));
        }
      }
    }
    return out;
  }
}
