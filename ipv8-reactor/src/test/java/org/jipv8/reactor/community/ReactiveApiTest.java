package org.jipv8.reactor.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.messaging.SendFailedException;
import org.jipv8.api.peer.Peer;
import org.jipv8.api.peer.PeerEvent;
import org.jipv8.reactor.testing.TestNetwork;
import org.jipv8.reactor.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/**
 * The reactive API of {@link Community} (issue 8 section 1): {@code messages}, {@code peers},
 * {@code send} and {@code request}, on virtual time and the in-memory network.
 */
class ReactiveApiTest {
  private static final CommunityId ID =
      CommunityId.fromHex("0123456789abcdef0123456789abcdef01234567");

  @Message(id = 10)
  record Ask(@Format("H") int identifier, @Format("varlenH") String question)
      implements Correlated {}

  @Message(id = 11)
  record Answer(@Format("H") int identifier, @Format("varlenH") String answer)
      implements Correlated {}

  @Message(id = 12)
  record Note(@Format("varlenH") String text) {}

  @Message(id = 13, signed = false)
  record Bare(@Format("Q") long value) {}

  @Message(id = 14)
  record Big(@Format("varlenH") String a, @Format("varlenH") String b) {}

  /** A community with no handler at all: everything goes through the reactive API. */
  static final class Plain extends Community {
    Plain(CommunitySettings settings) {
      super(ID, settings);
    }
  }

  private static Peer peerOf(TestNode node) {
    return new Peer(node.myPeer().publicKey(), node.wan(), true, () -> 0L);
  }

  /** Collects a stream's items and whether it completed. */
  private static final class Collector<T> {
    final List<T> items = new ArrayList<>();
    final AtomicBoolean completed = new AtomicBoolean();
    final List<Thread> threads = new ArrayList<>();

    Disposable follow(reactor.core.publisher.Flux<T> flux) {
      return flux.subscribe(
          t -> {
            items.add(t);
            threads.add(Thread.currentThread());
          },
          e -> {
            throw new AssertionError(e);
          },
          () -> completed.set(true));
    }
  }

  // ---------------------------------------------------------------- messages

  @Test
  void messagesArriveInOrderToEverySubscriberWithoutAHandler() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Collector<Received<Note>> first = new Collector<>();
      Collector<Received<Note>> second = new Collector<>();
      Collector<Received<Bare>> bares = new Collector<>();
      first.follow(b.messages(Note.class));
      second.follow(b.messages(Note.class));
      bares.follow(b.messages(Bare.class));

      net.run(
          () -> {
            for (int i = 0; i < 5; i++) {
              a.sendNow(nb.wan(), new Note("n" + i));
            }
            a.sendNow(nb.wan(), new Bare(99));
          });

      List<String> expected = List.of("n0", "n1", "n2", "n3", "n4");
      assertEquals(expected, first.items.stream().map(r -> r.payload().text()).toList());
      assertEquals(expected, second.items.stream().map(r -> r.payload().text()).toList());
      Received<Note> r0 = first.items.get(0);
      assertEquals(na.myPeer().publicKey(), r0.peer().publicKey());
      assertEquals(na.wan(), r0.source());
      assertTrue(r0.globalTime() > 0);
      assertSame(r0, second.items.get(0));
      assertEquals(1, bares.items.size());
      assertNull(bares.items.get(0).peer());
      assertEquals(99, bares.items.get(0).payload().value());
      assertEquals(5, b.statistics().handled(12));
      assertEquals(0, b.statistics().drops(DropReason.UNKNOWN_MESSAGE));
    }
  }

  @Test
  void withoutASubscriptionTheMessageIdIsUnknown() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      net.run(() -> a.sendNow(nb.wan(), new Note("x")));
      assertEquals(1, b.statistics().drops(DropReason.UNKNOWN_MESSAGE, 12));
    }
  }

  @Test
  void aHandlerRunsBeforeTheSubscribersAndAddHandlerStillWorksAfterMessages() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      List<String> order = new ArrayList<>();
      final class WithHandler extends Community {
        WithHandler(CommunitySettings settings) {
          super(ID, settings);
          messages(Note.class).subscribe(r -> order.add("subscriber " + r.payload().text()));
          addHandler(Note.class, (peer, note) -> order.add("handler " + note.text()));
        }
      }
      Plain a = na.add(Plain::new);
      nb.add(WithHandler::new);
      net.run(() -> a.sendNow(nb.wan(), new Note("x")));
      assertEquals(List.of("handler x", "subscriber x"), order);
    }
  }

  @Test
  void anUnsignedHandlerAndASubscriberBothSeeTheMessageWithItsSourceAndNoPeer() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      List<String> order = new ArrayList<>();
      final class WithUnsignedHandler extends Community {
        WithUnsignedHandler(CommunitySettings settings) {
          super(ID, settings);
          addUnsignedHandler(Bare.class, (source, bare) -> order.add("handler " + bare.value()));
        }
      }
      Plain a = na.add(Plain::new);
      WithUnsignedHandler b = nb.add(WithUnsignedHandler::new);
      Collector<Received<Bare>> bares = new Collector<>();
      bares.follow(b.messages(Bare.class));

      net.run(() -> a.sendNow(nb.wan(), new Bare(7)));

      assertEquals(List.of("handler 7"), order);
      assertEquals(1, bares.items.size());
      Received<Bare> r = bares.items.get(0);
      assertNull(r.peer());
      assertFalse(r.signed());
      assertEquals(na.wan(), r.source());
      assertEquals(7, r.payload().value());
      assertEquals(1, b.statistics().handled(13));
    }
  }

  @Test
  void aSlowSubscriberOverflowsAloneAndItsDropsAreCounted() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Collector<Received<Note>> fast = new Collector<>();
      fast.follow(b.messages(Note.class));
      List<String> slowItems = new ArrayList<>();
      AtomicReference<Subscription> slow = new AtomicReference<>();
      b.messages(Note.class)
          .subscribe(
              new BaseSubscriber<Received<Note>>() {
                @Override
                protected void hookOnSubscribe(Subscription s) {
                  slow.set(s); // no demand yet
                }

                @Override
                protected void hookOnNext(Received<Note> r) {
                  slowItems.add(r.payload().text());
                }
              });
      int total = Community.SUBSCRIBER_BUFFER + 44;

      net.run(
          () -> {
            for (int i = 0; i < total; i++) {
              a.sendNow(nb.wan(), new Note("n" + i));
            }
          });

      assertEquals(total, fast.items.size());
      assertTrue(slowItems.isEmpty());
      assertEquals(44, b.statistics().drops(DropReason.SUBSCRIBER_OVERFLOW, 12));
      assertEquals(total, b.statistics().handled(12));
      slow.get().request(Long.MAX_VALUE);
      net.advance();
      assertEquals(Community.SUBSCRIBER_BUFFER, slowItems.size());
      assertEquals("n0", slowItems.get(0));
      assertEquals("n" + (Community.SUBSCRIBER_BUFFER - 1), slowItems.get(slowItems.size() - 1));
    }
  }

  @Test
  void messagesCompleteOnUnloadAndASubscriptionAfterUnloadCompletesAtOnce() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode nb = net.node();
      Plain b = nb.add(Plain::new);
      Collector<Received<Note>> notes = new Collector<>();
      Collector<PeerEvent> peers = new Collector<>();
      notes.follow(b.messages(Note.class));
      peers.follow(b.peers());
      assertFalse(notes.completed.get());

      b.unload().subscribe();
      net.advance();

      assertTrue(notes.completed.get());
      assertTrue(peers.completed.get());
      Collector<Received<Note>> late = new Collector<>();
      late.follow(b.messages(Note.class));
      assertTrue(late.completed.get());
    }
  }

  // ---------------------------------------------------------------- peers

  @Test
  void peersReplaysTheCurrentPeersThenFollowsAddsAndRemovals() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      TestNode nc = net.node();
      Plain a = na.add(Plain::new);
      nb.add(Plain::new);
      nc.add(Plain::new);
      a.walkTo(nb.wan());
      net.advance();
      assertEquals(1, a.getPeers().size());

      Collector<PeerEvent> events = new Collector<>();
      events.follow(a.peers());
      net.advance();
      assertEquals(1, events.items.size());
      assertEquals(new PeerEvent(PeerEvent.Kind.ADDED, peerOf(nb)), events.items.get(0));

      a.walkTo(nc.wan());
      net.advance();
      assertEquals(2, events.items.size());
      assertEquals(new PeerEvent(PeerEvent.Kind.ADDED, peerOf(nc)), events.items.get(1));
      assertEquals(nc.wan(), events.items.get(1).peer().address());

      na.network().removePeer(a.getPeers().stream().filter(peerOf(nc)::equals).findFirst().get());
      net.advance();
      assertEquals(3, events.items.size());
      assertEquals(new PeerEvent(PeerEvent.Kind.REMOVED, peerOf(nc)), events.items.get(2));

      a.unload().subscribe();
      net.advance();
      assertTrue(events.completed.get());
    }
  }

  /** A verified peer of {@code node}'s network that no community of it has met (yet). */
  private static Peer verifiedStranger(TestNetwork net, TestNode node) {
    Peer other =
        new Peer(net.node().myPeer().publicKey(), Address.ipv4("127.0.3.1", 1), true, () -> 0L);
    node.network().addVerifiedPeer(other);
    return other;
  }

  @Test
  void aVerifiedPeerOfAnotherCommunityIsNoPeerEvent() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      Plain a = na.add(Plain::new);
      Collector<PeerEvent> events = new Collector<>();
      events.follow(a.peers());
      Peer other = verifiedStranger(net, na);
      na.network()
          .discoverServices(
              other, List.of(CommunityId.fromHex("ffffffffffffffffffffffffffffffffffffffff")));
      net.advance();
      assertTrue(events.items.isEmpty());
      na.network().discoverServices(other, List.of(ID));
      net.advance();
      assertEquals(List.of(new PeerEvent(PeerEvent.Kind.ADDED, other)), events.items);
    }
  }

  @Test
  void aMemberDiscoveredAgainIsNoNewEventButAfterItsRemovalItIsAddedAgain() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      Plain a = na.add(Plain::new);
      Collector<PeerEvent> events = new Collector<>();
      events.follow(a.peers());
      Peer other = verifiedStranger(net, na);
      na.network().discoverServices(other, List.of(ID));
      net.advance();
      // Every introduction-request of a member discovers its services again.
      for (int i = 0; i < 3; i++) {
        na.network().discoverServices(other, List.of(ID));
        net.advance();
      }
      assertEquals(List.of(new PeerEvent(PeerEvent.Kind.ADDED, other)), events.items);

      na.network().removePeer(other);
      net.advance();
      na.network().addVerifiedPeer(other);
      na.network().discoverServices(other, List.of(ID));
      net.advance();
      assertEquals(
          List.of(
              new PeerEvent(PeerEvent.Kind.ADDED, other),
              new PeerEvent(PeerEvent.Kind.REMOVED, other),
              new PeerEvent(PeerEvent.Kind.ADDED, other)),
          events.items);
    }
  }

  // ---------------------------------------------------------------- send

  @Test
  void sendIsLazyAndCompletesOnceWritten() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Collector<Received<Note>> notes = new Collector<>();
      notes.follow(b.messages(Note.class));

      Mono<Void> send = a.send(peerOf(nb), new Note("lazy"));
      net.advance();
      assertTrue(net.internet().sent().isEmpty());

      AtomicBoolean done = new AtomicBoolean();
      send.subscribe(null, e -> fail(e), () -> done.set(true));
      send.subscribe();
      net.advance();
      assertTrue(done.get());
      assertEquals(2, notes.items.size());
      assertTrue(notes.items.get(1).globalTime() > notes.items.get(0).globalTime());
      assertEquals(2, a.statistics().sent(12).count());
    }
  }

  @Test
  void sendErrorsByReason() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      Plain a = na.add(Plain::new);

      SendFailedException family = failure(a.send(Address.ipv6("::1", 9), new Note("x")), net);
      assertEquals(DropReason.NO_ADDRESS_FAMILY, family.reason());
      assertEquals(1, a.statistics().drops(DropReason.NO_ADDRESS_FAMILY, 12));

      String half = "x".repeat(40_000);
      SendFailedException large =
          failure(a.send(Address.ipv4("127.0.0.1", 9), new Big(half, half)), net);
      assertEquals(DropReason.TOO_LARGE, large.reason());
      assertEquals(1, a.statistics().drops(DropReason.TOO_LARGE, 14));

      na.endpoint().close().block();
      SendFailedException closed =
          failure(a.send(Address.ipv4("127.0.0.1", 9), new Note("x")), net);
      assertEquals(DropReason.ENDPOINT_CLOSED, closed.reason());
      assertTrue(net.internet().sent().isEmpty());
    }
  }

  @Test
  void aRecordWithoutMessageIsRefusedAtOnce() {
    try (TestNetwork net = TestNetwork.create()) {
      Plain a = net.node().add(Plain::new);
      record NotAMessage(int x) {}
      assertThrows(
          IllegalArgumentException.class,
          () -> a.send(Address.ipv4("127.0.0.1", 9), new NotAMessage(1)));
      assertThrows(IllegalArgumentException.class, () -> a.messages(NotAMessage.class));
    }
  }

  private static SendFailedException failure(Mono<Void> send, TestNetwork net) {
    AtomicReference<Throwable> error = new AtomicReference<>();
    send.subscribe(null, error::set);
    net.advance();
    return assertInstanceOf(SendFailedException.class, error.get());
  }

  private static void fail(Throwable e) {
    throw new AssertionError(e);
  }

  // ---------------------------------------------------------------- request

  /** Answers every Ask (or holds them when {@code hold}) with the Ask's identifier. */
  private static final class Answerer {
    final List<Received<Ask>> held = new ArrayList<>();
    boolean hold;

    Answerer(Plain community) {
      community
          .messages(Ask.class)
          .subscribe(
              r -> {
                if (hold) {
                  held.add(r);
                } else {
                  community.sendNow(
                      r.source(),
                      new Answer(r.payload().identifier(), "re " + r.payload().question()));
                }
              });
    }
  }

  @Test
  void requestCompletesWithTheMatchingResponse() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      new Answerer(b);
      AtomicReference<Answer> answer = new AtomicReference<>();
      List<Integer> identifiers = new ArrayList<>();

      a.request(
              peerOf(nb),
              id -> {
                identifiers.add(id);
                return new Ask(id, "time?");
              },
              Answer.class,
              Duration.ofSeconds(5))
          .subscribe(answer::set, ReactiveApiTest::fail);
      net.advance();

      assertEquals(new Answer(identifiers.get(0), "re time?"), answer.get());
      assertTrue(identifiers.get(0) >= 0 && identifiers.get(0) < 65536);
      assertEquals(0, a.pendingRequests());
      assertEquals(1, a.statistics().handled(11));
    }
  }

  @Test
  void requestTimesOutAndTheLateResponseIsCountedAsNoPendingRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Answerer answerer = new Answerer(b);
      answerer.hold = true;
      AtomicReference<Throwable> error = new AtomicReference<>();

      a.request(peerOf(nb), id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(2))
          .subscribe(x -> fail(new AssertionError("answered: " + x)), error::set);
      net.advance(Duration.ofMillis(1999));
      assertNull(error.get());
      net.advance(Duration.ofMillis(1));
      assertInstanceOf(TimeoutException.class, error.get());
      assertEquals(0, a.pendingRequests());

      Received<Ask> late = answerer.held.get(0);
      net.run(() -> b.sendNow(late.source(), new Answer(late.payload().identifier(), "late")));
      assertEquals(1, a.statistics().drops(DropReason.NO_PENDING_REQUEST, 11));
      assertEquals(0, a.statistics().handled(11));
    }
  }

  @Test
  void cancellingARequestFreesItsIdentifier() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Answerer answerer = new Answerer(b);
      answerer.hold = true;
      Disposable pending =
          a.request(peerOf(nb), id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(5))
              .subscribe(x -> fail(new AssertionError("answered")), ReactiveApiTest::fail);
      net.advance();
      assertEquals(1, a.pendingRequests());

      pending.dispose();
      net.advance();
      assertEquals(0, a.pendingRequests());
      Received<Ask> held = answerer.held.get(0);
      net.run(() -> b.sendNow(held.source(), new Answer(held.payload().identifier(), "gone")));
      assertEquals(1, a.statistics().drops(DropReason.NO_PENDING_REQUEST, 11));
    }
  }

  @Test
  void unloadingErrorsEveryPendingRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      new Answerer(b).hold = true;
      List<Throwable> errors = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        a.request(peerOf(nb), id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(5))
            .subscribe(x -> fail(new AssertionError("answered")), errors::add);
      }
      net.advance();
      assertEquals(3, a.pendingRequests());

      a.unload().subscribe();
      net.advance();
      assertEquals(3, errors.size());
      errors.forEach(e -> assertInstanceOf(IllegalStateException.class, e));

      AtomicReference<Throwable> after = new AtomicReference<>();
      a.request(peerOf(nb), id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(5))
          .subscribe(x -> {}, after::set);
      net.advance();
      assertInstanceOf(IllegalStateException.class, after.get());
    }
  }

  @Test
  void aResponseFromAnotherPeerDoesNotAnswerTheRequest() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      TestNode nc = net.node();
      Plain a = na.add(Plain::new);
      Plain b = nb.add(Plain::new);
      Plain c = nc.add(Plain::new);
      Answerer answerer = new Answerer(b);
      answerer.hold = true;
      AtomicReference<Answer> answer = new AtomicReference<>();
      a.request(peerOf(nb), id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(5))
          .subscribe(answer::set, ReactiveApiTest::fail);
      net.advance();
      int id = answerer.held.get(0).payload().identifier();

      net.run(() -> c.sendNow(na.wan(), new Answer(id, "not you")));
      assertNull(answer.get());
      assertEquals(1, a.statistics().drops(DropReason.UNSOLICITED_RESPONSE, 11));

      net.run(() -> b.sendNow(na.wan(), new Answer(id, "me")));
      assertEquals(new Answer(id, "me"), answer.get());
    }
  }

  @Test
  void requestSendFailureErrorsTheRequestAndFreesTheIdentifier() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      Plain a = na.add(Plain::new);
      Peer v6 = new Peer(net.node().myPeer().publicKey(), Address.ipv6("::1", 9), true, () -> 0L);
      AtomicReference<Throwable> error = new AtomicReference<>();
      a.request(v6, id -> new Ask(id, "?"), Answer.class, Duration.ofSeconds(5))
          .subscribe(x -> {}, error::set);
      net.advance();
      SendFailedException e = assertInstanceOf(SendFailedException.class, error.get());
      assertEquals(DropReason.NO_ADDRESS_FAMILY, e.reason());
      assertEquals(0, a.pendingRequests());
    }
  }

  @Test
  void requestRefusesANonPositiveTimeoutAtOnce() {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      Plain a = na.add(Plain::new);
      Peer p = peerOf(na);
      assertThrows(
          IllegalArgumentException.class,
          () -> a.request(p, id -> new Ask(id, "?"), Answer.class, Duration.ZERO));
    }
  }

  // ---------------------------------------------------------------- any thread

  @Test
  void walkToFromAnotherThreadRunsOnTheProtocolThread() throws InterruptedException {
    try (TestNetwork net = TestNetwork.create()) {
      TestNode na = net.node();
      TestNode nb = net.node();
      Plain a = na.add(Plain::new);
      nb.add(Plain::new);
      net.advance();
      Thread other = new Thread(() -> a.walkTo(nb.wan()));
      other.start();
      other.join();
      net.advance();
      assertEquals(1, a.getPeers().size());
    }
  }
}
