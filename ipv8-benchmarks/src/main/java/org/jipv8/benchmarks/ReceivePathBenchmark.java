package org.jipv8.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.sim.MemoryEndpoint;
import org.jipv8.reactor.sim.MemoryInternet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The community receive path without a socket: a burst of {@value #BURST} distinct datagrams (the
 * 200-byte custom messages, or introduction-requests from {@value #INTRO_KEYS} keys, each answered
 * with a signed response) is injected into a {@link MemoryEndpoint} (one copy each, as the UDP
 * endpoint makes) in runs of {@link Endpoint#MAX_BURST}, as a socket under load reads them, routed
 * by prefix, decoded (and verified) on the verification scheduler and handled on the protocol
 * thread; an invocation ends when the last one was handled. The burst fits the community inbox
 * ({@value Community#INBOX_CAPACITY}), so nothing is dropped. Score: datagrams handled per second,
 * with one and two verification threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceivePathBenchmark {
  /** Datagrams per invocation. */
  static final int BURST = 2048;

  /** Keys signing the introduction-requests. */
  static final int INTRO_KEYS = 256;

  @Param({"unsigned", "signed", "intro"})
  public String message;

  @Param({"1", "2"})
  public int verifyThreads;

  private Scheduler protocol;
  private Scheduler verification;
  private MemoryEndpoint endpoint;
  private CountingCommunity community;
  private byte[][] datagrams;
  // The datagrams in runs of Endpoint.MAX_BURST, as a socket under load reads them.
  private List<List<byte[]>> runs;
  private final Address source = Address.ipv4("127.0.0.2", 2000);

  @Setup(Level.Trial)
  public void setUp() {
    protocol = Schedulers.newSingle("jmh-protocol");
    verification = Schedulers.newParallel("jmh-verify", verifyThreads);
    Address local = Address.ipv4("127.0.0.1", 1000);
    // Nothing else is on this internet: what the community sends is counted and discarded.
    MemoryInternet internet = new MemoryInternet(protocol);
    internet.setRecording(false);
    endpoint = internet.endpoint(local, local).openNow();
    community =
        new CountingCommunity(
            CommunitySettings.builder()
                .myPeer(Peer.own(Keys.generate(KeyType.CURVE25519), System::currentTimeMillis))
                .endpoint(endpoint)
                .protocolScheduler(protocol)
                .verificationScheduler(verification)
                .lanAddresses(LanAddressProvider.none())
                .maxPeers(-1)
                .build());
    community.start().block();
    PrivateKey[] senders = new PrivateKey[INTRO_KEYS];
    for (int k = 0; k < senders.length; k++) {
      senders[k] = Keys.generate(KeyType.CURVE25519);
    }
    byte[] prefix = community.prefix();
    datagrams = new byte[BURST][];
    for (int i = 0; i < BURST; i++) {
      datagrams[i] =
          switch (message) {
            case "signed" ->
                Packets.encode(
                    prefix,
                    new Messages.Signed(i, new byte[Messages.SIGNED_BODY]),
                    senders[0],
                    i + 1);
            case "intro" ->
                Packets.encode(
                    prefix,
                    new IntroductionRequestPayload(
                        local,
                        source,
                        source,
                        new Bits(IntroductionRequestPayload.ADVICE),
                        i,
                        new byte[0]),
                    senders[i % INTRO_KEYS],
                    i + 1);
            default ->
                Packets.encode(
                    prefix, new Messages.Plain(i, new byte[Messages.PLAIN_BODY]), null, i + 1);
          };
    }
    runs = inRuns(datagrams);
  }

  private static List<List<byte[]>> inRuns(byte[][] datagrams) {
    List<List<byte[]>> out = new ArrayList<>();
    for (int i = 0; i < datagrams.length; i += Endpoint.MAX_BURST) {
      out.add(
          List.of(
              Arrays.copyOfRange(
                  datagrams, i, Math.min(datagrams.length, i + Endpoint.MAX_BURST))));
    }
    return List.copyOf(out);
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public long receive() {
    community.expect(community.handled() + community.statistics().totalDrops() + BURST);
    for (List<byte[]> run : runs) {
      endpoint.injectRun(source, run);
    }
    community.awaitSettled();
    return community.handled();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (community.statistics().totalDrops() > 0) {
      System.err.println("receive path dropped: " + community.statistics().drops());
    }
    community.unload().block();
    protocol.dispose();
    verification.dispose();
  }
}
