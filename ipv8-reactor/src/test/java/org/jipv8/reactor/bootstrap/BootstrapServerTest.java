package org.jipv8.reactor.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The tracker on the simulated network, with hand-made clients, on virtual time. */
class BootstrapServerTest {
  private static final CommunityId ALPHA = CommunityId.fromHex("aa".repeat(20));
  private static final CommunityId BETA = CommunityId.fromHex("bb".repeat(20));

  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  private final SimulatedNetwork internet =
      SimulatedNetwork.builder().scheduler(clock).seed(3).build();
  private final List<Disposable> subscriptions = new ArrayList<>();
  private BootstrapServer tracker;
  private Address trackerAddress;

  /** A client: an endpoint, a key and what it received. */
  private final class Client {
    final SimulatedEndpoint endpoint = internet.newEndpoint();
    final PrivateKey key = Keys.generate(KeyType.CURVE25519);
    final List<Datagram> inbox = new ArrayList<>();
    long time;

    Client() {
      endpoint.open().block();
      subscriptions.add(endpoint.receive().subscribe(inbox::add));
    }

    void join(CommunityId community) {
      time++;
      IntroductionRequestPayload req =
          new IntroductionRequestPayload(
              trackerAddress,
              endpoint.localAddress(),
              endpoint.localAddress(),
              new Bits(0x01),
              (int) time,
              new byte[0]);
      endpoint.send(trackerAddress, Packets.encode(community.prefix(), req, key, time));
    }

    List<Integer> ids() {
      return inbox.stream().map(d -> Packets.messageId(d.data())).toList();
    }

    void answerProbes(boolean peerLimitReached) {
      for (Datagram d : List.copyOf(inbox)) {
        if (Packets.messageId(d.data()) == 246) {
          Decoded<IntroductionRequestPayload> probe =
              Packets.decode(d.data(), IntroductionRequestPayload.class);
          IntroductionResponsePayload answer =
              new IntroductionResponsePayload(
                  d.source(),
                  endpoint.localAddress(),
                  endpoint.localAddress(),
                  Address.NULL,
                  Address.NULL,
                  new Bits(0x10 | (peerLimitReached ? 0x04 : 0)),
                  probe.payload().identifier(),
                  new byte[0]);
          byte[] prefix = java.util.Arrays.copyOf(d.data(), 22);
          endpoint.send(d.source(), Packets.encode(prefix, answer, key, ++time));
        }
      }
      inbox.clear();
    }
  }

  @BeforeEach
  void startTracker() {
    SimulatedEndpoint endpoint = internet.newEndpoint();
    tracker =
        BootstrapServer.builder()
            .endpoint(endpoint)
            .scheduler(clock)
            .random(new Random(1))
            .maxPeers(3)
            .build();
    tracker.start().subscribe();
    clock.advanceTime();
    trackerAddress = endpoint.localAddress();
  }

  @AfterEach
  void stop() {
    subscriptions.forEach(Disposable::dispose);
    tracker.stop().subscribe();
    clock.advanceTimeBy(Duration.ofSeconds(1));
    clock.dispose();
  }

  private void settle() {
    clock.advanceTimeBy(Duration.ofMillis(100));
  }

  @Test
  void membersOfACommunityAreIntroducedToEachOtherPunctureRequestFirst() {
    Client first = new Client();
    Client second = new Client();
    first.join(ALPHA);
    settle();
    assertEquals(List.of(245), first.ids());
    Decoded<IntroductionResponsePayload> alone =
        Packets.decode(first.inbox.get(0).data(), IntroductionResponsePayload.class);
    assertEquals(Address.NULL, alone.payload().wanIntroductionAddress());
    assertEquals(0x10, alone.payload().flags().value());
    assertEquals(
        KeyType.VERY_LOW, alone.signer().type(), "the tracker signs with sect163k1 as py's does");

    second.join(ALPHA);
    settle();
    assertEquals(List.of(245), second.ids());
    Decoded<IntroductionResponsePayload> intro =
        Packets.decode(second.inbox.get(0).data(), IntroductionResponsePayload.class);
    assertEquals(first.endpoint.localAddress(), intro.payload().wanIntroductionAddress());
    assertEquals(second.endpoint.localAddress(), intro.payload().destinationAddress());
    assertEquals(List.of(245, 250), first.ids());
    Decoded<PunctureRequestPayload> puncture =
        Packets.decode(first.inbox.get(1).data(), PunctureRequestPayload.class);
    assertEquals(second.endpoint.localAddress(), puncture.payload().wanWalkerAddress());
    assertEquals(1, puncture.payload().identifier());
  }

  @Test
  void communitiesAreNotMixed() {
    Client a = new Client();
    Client b = new Client();
    a.join(ALPHA);
    b.join(BETA);
    settle();
    Decoded<IntroductionResponsePayload> toB =
        Packets.decode(b.inbox.get(0).data(), IntroductionResponsePayload.class);
    assertEquals(Address.NULL, toB.payload().wanIntroductionAddress());
    assertEquals(List.of(a.endpoint.localAddress()), tracker.members(ALPHA));
    assertEquals(List.of(b.endpoint.localAddress()), tracker.members(BETA));
  }

  @Test
  void aMemberThatDoesNotAnswerTheProbeIsDropped() {
    Client quiet = new Client();
    Client alive = new Client();
    quiet.join(ALPHA);
    alive.join(ALPHA);
    settle();
    quiet.inbox.clear();
    alive.inbox.clear();
    clock.advanceTimeBy(Duration.ofSeconds(10));
    alive.answerProbes(false);
    clock.advanceTimeBy(Duration.ofSeconds(6));
    assertEquals(List.of(alive.endpoint.localAddress()), tracker.members(ALPHA));
  }

  @Test
  void aMemberAnsweringWithPeerLimitReachedIsDropped() {
    Client full = new Client();
    full.join(ALPHA);
    settle();
    full.inbox.clear();
    clock.advanceTimeBy(Duration.ofSeconds(10));
    full.answerProbes(true);
    settle();
    assertEquals(List.of(), tracker.members(ALPHA));
  }

  @Test
  void atMostMaxPeersMembersAreKeptOldestFirstOut() {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Client c = new Client();
      c.join(ALPHA);
      settle();
      clients.add(c);
    }
    assertEquals(3, tracker.memberCount());
    assertTrue(!tracker.members(ALPHA).contains(clients.get(0).endpoint.localAddress()));
  }

  @Test
  void garbageIsCountedAndTheServerKeepsWorking() {
    Client c = new Client();
    c.endpoint.send(trackerAddress, new byte[] {1, 2, 3});
    byte[] badSignature = new byte[200];
    badSignature[22] = (byte) 246;
    c.endpoint.send(trackerAddress, badSignature);
    c.endpoint.send(trackerAddress, ALPHA.prefix());
    settle();
    assertTrue(
        tracker.drops().getOrDefault(DropReason.TOO_SHORT, 0L) >= 2, tracker.drops().toString());
    assertTrue(tracker.drops().values().stream().mapToLong(Long::longValue).sum() >= 3);
    c.join(ALPHA);
    settle();
    assertEquals(List.of(245), c.ids());
  }
}
