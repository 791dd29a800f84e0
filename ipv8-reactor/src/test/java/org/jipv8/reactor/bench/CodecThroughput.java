package org.jipv8.reactor.bench;

import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;

/**
 * A rough single-thread throughput measurement (not a test, not JMH): Ed25519 verifications,
 * introduction-request encode+sign, and decode+verify per second. Run with the test classpath:
 * {@code java -cp ... org.jipv8.reactor.bench.CodecThroughput [seconds]}.
 */
public final class CodecThroughput {
  private CodecThroughput() {}

  private interface Op {
    void run(long i);
  }

  private static double perSecond(String name, double seconds, Op op) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < deadline) {
      op.run(n++);
    }
    double rate = n / ((System.nanoTime() - start) / 1e9);
    System.out.printf("%-32s %,12.0f /s%n", name, rate);
    return rate;
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    PrivateKey key = Keys.generate(KeyType.CURVE25519);
    byte[] prefix = CommunityId.fromHex("00112233445566778899aabbccddeeff00112233").prefix();
    IntroductionRequestPayload req =
        new IntroductionRequestPayload(
            Address.ipv4("1.2.3.4", 5),
            Address.ipv4("10.0.0.1", 6),
            Address.ipv4("1.2.3.4", 5),
            new Bits(1),
            7,
            new byte[0]);
    byte[] packet = Packets.encode(prefix, req, key, 7);
    byte[] message = new byte[packet.length - 64];
    System.arraycopy(packet, 0, message, 0, message.length);
    byte[] sig = key.sign(message);
    // Warm up the JIT before measuring.
    perSecond("warm-up", seconds, i -> Packets.decode(packet, IntroductionRequestPayload.class));
    perSecond("Ed25519 verify (128 B)", seconds, i -> key.publicKey().verify(sig, message));
    perSecond("246 encode + sign", seconds, i -> Packets.encode(prefix, req, key, i));
    perSecond(
        "246 decode + verify",
        seconds,
        i -> Packets.decode(packet, IntroductionRequestPayload.class));
  }
}
