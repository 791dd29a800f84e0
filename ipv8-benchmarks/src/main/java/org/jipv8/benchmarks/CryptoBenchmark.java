package org.jipv8.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.crypto.Keys;
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
 * Ed25519 through the engine's key classes (Bouncy Castle underneath), one thread: signing and
 * verifying a 136-byte message (what a 200-byte signed datagram signs), and parsing the 74-byte
 * public key bin that travels in every signed packet (seen before, and not). Score: operations per
 * second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmark {
  private PrivateKey key;
  private PublicKey publicKey;
  private byte[] publicBin;
  private final byte[] message = new byte[Messages.DATAGRAM_BYTES - 64];
  private byte[] signature;
  private byte[][] unseen;
  private int next;

  @Setup
  public void setUp() {
    key = Keys.generate(KeyType.CURVE25519);
    publicKey = key.publicKey();
    publicBin = publicKey.toBin();
    signature = key.sign(message);
    // Twice the engine's cache of parsed keys, so that every parse below is a miss.
    unseen = new byte[8192][];
    for (int i = 0; i < unseen.length; i++) {
      unseen[i] = Keys.generate(KeyType.CURVE25519).publicKey().toBin();
    }
  }

  @Benchmark
  public byte[] sign() {
    return key.sign(message);
  }

  @Benchmark
  public boolean verify() {
    return publicKey.verify(signature, message);
  }

  /** A key seen before: what most packets cost (the engine keeps parsed keys). */
  @Benchmark
  public PublicKey parsePublicKey() {
    return Keys.publicFromBin(publicBin);
  }

  /** A key not seen before: the point is decoded and checked (a peer's first packet). */
  @Benchmark
  public PublicKey parseUnseenPublicKey() {
    next = (next + 1) & (unseen.length - 1);
    return Keys.publicFromBin(unseen[next]);
  }
}
