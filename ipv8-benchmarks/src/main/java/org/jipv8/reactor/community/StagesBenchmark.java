package org.jipv8.reactor.community;

import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decode and dispatch stages of the receive pipeline alone, on one thread, without schedulers
 * or a socket: {@code DecodeStage.prepare} then {@code DispatchStage.process} of a 200-byte custom
 * message (its handler only counts), with {@code peers} verified peers in the network at other
 * addresses (the dispatch stage looks the source up among them for every datagram). What the stages
 * cost per datagram beyond the signature check: compare {@code signed} with {@code
 * CryptoBenchmark}'s verify. Lives in the engine's package to reach the package-private stages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StagesBenchmark {
  private static final CommunityId ID =
      CommunityId.fromHex("6a69707638206a6d682062656e63686d61726b73");
  private static final int DATAGRAMS = 1024;

  /** The unsigned custom message: 200 bytes on the wire. */
  @Message(id = 1, signed = false)
  record Plain(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  /** The signed custom message: 200 bytes on the wire. */
  @Message(id = 2)
  record Signed(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  @Param({"unsigned", "signed"})
  public String message;

  @Param({"0", "20"})
  public int peers;

  private DecodeStage decode;
  private DispatchStage dispatch;
  private Datagram[] datagrams;
  private int next;
  private long handled;

  @Setup
  public void setUp() {
    byte[] prefix = ID.prefix();
    Network network = new Network();
    for (int i = 0; i < peers; i++) {
      network.addVerifiedPeer(
          new Peer(
              Keys.generate(KeyType.CURVE25519).publicKey(),
              Address.ipv4("127.0.1." + (i + 1), 3000 + i),
              true,
              () -> 0L));
    }
    Invokers invokers = new Invokers(network, () -> 0L);
    HandlerTable table = new HandlerTable("StagesBenchmark");
    Invokers.register(
        table, Plain.class, Invokers.annotation(Plain.class), invokers.unsigned((s, m) -> count()));
    Invokers.register(
        table, Signed.class, Invokers.annotation(Signed.class), invokers.signed((p, m) -> count()));
    decode = new DecodeStage(prefix, table, invokers, Taps.NONE);
    dispatch =
        new DispatchStage(
            "StagesBenchmark",
            new CommunityStatistics(),
            network,
            () -> 0L,
            () -> false,
            Taps.NONE);
    PrivateKey key = Keys.generate(KeyType.CURVE25519);
    Address source = Address.ipv4("127.0.0.2", 2000);
    datagrams = new Datagram[DATAGRAMS];
    for (int i = 0; i < DATAGRAMS; i++) {
      byte[] packet =
          message.equals("signed")
              ? Packets.encode(prefix, new Signed(i, new byte[200 - 179]), key, i + 1)
              : Packets.encode(prefix, new Plain(i, new byte[200 - 39]), null, i + 1);
      datagrams[i] = new Datagram(source, packet);
    }
  }

  private void count() {
    handled++;
  }

  /** One datagram through both stages. */
  @Benchmark
  public long decodeAndDispatch() {
    Datagram d = datagrams[next];
    next = (next + 1) % DATAGRAMS;
    dispatch.process(decode.prepare(d));
    return handled;
  }
}
