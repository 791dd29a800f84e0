package org.jipv8.reactor.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Network;
import org.jipv8.reactor.community.PingingOverlay;
import org.jipv8.reactor.community.SimilarityOverlay;
import reactor.core.publisher.Mono;

/**
 * An overlay for strategy tests: a real {@link Network}, a settable millisecond clock, a seeded
 * random source, and a record of every outgoing action. Hooks let a test play the remote side.
 */
public final class FakeOverlay implements PingingOverlay, SimilarityOverlay {
  public static final CommunityId ID =
      CommunityId.fromHex("00112233445566778899aabbccddeeff00112233");

  public final Network network;
  public final AtomicLong clock = new AtomicLong(1_000_000);

  /** The random source; replace it to script draws. */
  public RandomGenerator random;

  public final List<Address> walks = new ArrayList<>();

  /** Arguments of getNewIntroduction; null entries are "no peer given". */
  public final List<Peer> introductionRequests = new ArrayList<>();

  public final List<Peer> pings = new ArrayList<>();
  public final List<Address> similarityRequests = new ArrayList<>();
  public int bootstraps;
  public Consumer<Address> onWalkTo = a -> {};
  public Consumer<Peer> onPing = p -> {};
  private final Peer me = FakeKeys.peer(-1, "127.0.0.1", 1);

  public FakeOverlay(Network network, long seed) {
    this.network = network;
    this.random = new Random(seed);
  }

  public FakeOverlay(long seed) {
    this(new Network(), seed);
  }

  /** Scripts the random draws: {@code nextInt(bound)} answers {@code draws.applyAsInt(bound)}. */
  public void scriptRandom(IntUnaryOperator draws) {
    this.random =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            throw new UnsupportedOperationException("only nextInt(bound) is scripted");
          }

          @Override
          public int nextInt(int bound) {
            return draws.applyAsInt(bound);
          }
        };
  }

  /** Moves the clock forward. */
  public void advance(long millis) {
    clock.addAndGet(millis);
  }

  /** A verified peer of this overlay's service, met now. */
  public Peer addPeer(long seed, String host, int port) {
    Peer p = FakeKeys.peer(seed, host, port, clock::get);
    network.addVerifiedPeer(p);
    network.discoverServices(p, List.of(ID));
    return p;
  }

  @Override
  public Network network() {
    return network;
  }

  @Override
  public long now() {
    return clock.get();
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public CommunityId communityId() {
    return ID;
  }

  @Override
  public Peer myPeer() {
    return me;
  }

  @Override
  public List<Peer> getPeers() {
    return network.getPeersForService(ID);
  }

  @Override
  public List<Address> getWalkableAddresses() {
    return network.getWalkableAddresses(ID, false);
  }

  @Override
  public void walkTo(Address address) {
    walks.add(address);
    onWalkTo.accept(address);
  }

  @Override
  public void getNewIntroduction(Peer fromPeer) {
    introductionRequests.add(fromPeer);
  }

  @Override
  public void bootstrap() {
    bootstraps++;
  }

  @Override
  public int maxPeers() {
    return 30;
  }

  @Override
  public Mono<Void> unload() {
    return Mono.empty();
  }

  @Override
  public void sendPing(Peer peer) {
    pings.add(peer);
    onPing.accept(peer);
  }

  @Override
  public void sendSimilarityRequest(Address address) {
    similarityRequests.add(address);
  }
}
