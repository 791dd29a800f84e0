package org.jipv8.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-packet encoding and decoding ({@link Packets}) on one thread: the 200-byte custom messages
 * unsigned and signed, and an introduction-request. The signed figures include the signature
 * (encode) or its check and the key parsing (decode). Score: operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  private final byte[] prefix = Messages.ID.prefix();
  private PrivateKey key;
  private Messages.Plain plain;
  private Messages.Signed signed;
  private IntroductionRequestPayload introRequest;
  private byte[] plainPacket;
  private byte[] signedPacket;
  private byte[] introPacket;
  private long sequence;

  @Setup
  public void setUp() {
    key = Keys.generate(KeyType.CURVE25519);
    plain = new Messages.Plain(1, new byte[Messages.PLAIN_BODY]);
    signed = new Messages.Signed(1, new byte[Messages.SIGNED_BODY]);
    Address a = Address.ipv4("127.0.0.1", 1000);
    introRequest =
        new IntroductionRequestPayload(
            a, a, a, new Bits(IntroductionRequestPayload.ADVICE), 7, new byte[0]);
    plainPacket = Packets.encode(prefix, plain, null, 1);
    signedPacket = Packets.encode(prefix, signed, key, 1);
    introPacket = Packets.encode(prefix, introRequest, key, 1);
  }

  @Benchmark
  public byte[] encodeUnsigned() {
    return Packets.encode(prefix, plain, null, ++sequence);
  }

  @Benchmark
  public Decoded<Messages.Plain> decodeUnsigned() {
    return Packets.decode(plainPacket, Messages.Plain.class);
  }

  @Benchmark
  public byte[] encodeSigned() {
    return Packets.encode(prefix, signed, key, ++sequence);
  }

  @Benchmark
  public Decoded<Messages.Signed> decodeSigned() {
    return Packets.decode(signedPacket, Messages.Signed.class);
  }

  @Benchmark
  public byte[] encodeIntroductionRequest() {
    return Packets.encode(prefix, introRequest, key, ++sequence);
  }

  @Benchmark
  public Decoded<IntroductionRequestPayload> decodeIntroductionRequest() {
    return Packets.decode(introPacket, IntroductionRequestPayload.class);
  }
}
