package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;

/** The receive admission refuses datagrams while they are still in Netty's buffer. */
@Timeout(60)
class UdpReceiveAdmissionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<UdpEndpoint> opened = new ArrayList<>();
  private final List<Disposable> subscriptions = new ArrayList<>();

  @AfterEach
  void closeEverything() {
    subscriptions.forEach(Disposable::dispose);
    opened.forEach(e -> e.closeNow(TIMEOUT));
  }

  private UdpEndpoint openLoopback() {
    UdpEndpoint endpoint = UdpEndpoint.builder().host("127.0.0.1").build();
    opened.add(endpoint);
    return endpoint.openNow(TIMEOUT);
  }

  private static byte[] packet(int prefixByte, int messageId) {
    byte[] p = new byte[40];
    p[0] = (byte) prefixByte;
    p[22] = (byte) messageId;
    return p;
  }

  @Test
  void refusedDatagramsAreCountedUnderTheirReasonAndNeverPublished() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    ConcurrentLinkedQueue<String> seenByAdmission = new ConcurrentLinkedQueue<>();
    b.setReceiveAdmission(
        new ReceiveAdmission() {
          @Override
          public DropReason admit(ByteBuffer view) {
            seenByAdmission.add(view.isReadOnly() + "/" + view.position() + "/" + view.limit());
            return view.get(0) == 1 ? DropReason.INBOX_FULL : null;
          }

          @Override
          public boolean hasRoomFor(ByteBuffer refused) {
            return true;
          }
        });
    ConcurrentLinkedQueue<Datagram> published = new ConcurrentLinkedQueue<>();
    subscriptions.add(b.receive().subscribe(published::add));

    for (int i = 0; i < 3; i++) {
      a.send(b.localAddress(), packet(1, 246));
    }
    a.send(b.localAddress(), packet(2, 246));
    a.send(b.localAddress(), packet(2, 1));
    // A last, admitted datagram: the event loop handles datagrams in order, so once it is
    // published the five before it are through (the received counter alone moves before the
    // publication of its datagram).
    a.send(b.localAddress(), packet(3, 246));
    waitUntil(() -> published.stream().anyMatch(d -> d.data()[0] == 3));

    assertEquals(6, b.statistics().packetsReceived());
    assertEquals(3, b.statistics().drops(DropReason.INBOX_FULL));
    assertEquals(3, published.size());
    assertTrue(published.stream().allMatch(d -> d.data()[0] != 1));
    assertEquals(6, seenByAdmission.size());
    assertTrue(seenByAdmission.stream().allMatch("true/0/40"::equals), seenByAdmission.toString());
  }

  @Test
  void anAdmissionThatThrowsAdmitsAndAdmitAllRemovesTheCheck() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    ReceiveAdmission broken =
        view -> {
          throw new IllegalStateException("bug in a receiver");
        };
    b.setReceiveAdmission(broken);
    ConcurrentLinkedQueue<Datagram> published = new ConcurrentLinkedQueue<>();
    subscriptions.add(b.receive().subscribe(published::add));

    a.send(b.localAddress(), packet(1, 1));
    waitUntil(() -> published.size() == 1);
    b.setReceiveAdmission(view -> DropReason.POLICY);
    a.send(b.localAddress(), packet(1, 1));
    waitUntil(() -> b.statistics().drops(DropReason.POLICY) == 1);
    b.setReceiveAdmission(ReceiveAdmission.ADMIT_ALL);
    a.send(b.localAddress(), packet(1, 1));
    waitUntil(() -> published.size() == 2);

    assertEquals(3, b.statistics().packetsReceived());
    assertEquals(1, b.statistics().totalDrops());
    assertTrue(b.isOpen());
  }

  @Test
  void aFullInboxStopsReadingUntilTheAdmissionSaysThereIsRoom() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    AtomicInteger probes = new AtomicInteger();
    AtomicBoolean room = new AtomicBoolean();
    ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    b.setReceiveAdmission(
        firstByteOneIsFull(
            refused -> {
              assertEquals(1, refused.get(0), "asked about the refused datagram");
              events.add("probe");
              probes.incrementAndGet();
              return room.get();
            }));
    subscriptions.add(b.receive().subscribe(d -> events.add("read " + d.data()[0])));

    a.send(b.localAddress(), packet(1, 1));
    waitUntil(() -> b.statistics().readPauses() == 1);
    // Sent while reading is paused: it waits in the socket's buffer.
    a.send(b.localAddress(), packet(2, 1));
    waitUntil(() -> probes.get() >= 2);
    room.set(true);
    waitUntil(() -> events.contains("read 2"));

    assertEquals(1, b.statistics().drops(DropReason.INBOX_FULL));
    assertEquals(1, b.statistics().readPauses());
    List<String> order = List.copyOf(events);
    assertEquals("probe", order.get(0), "a probe before anything else was read: " + order);
    assertEquals("read 2", order.get(order.size() - 1), order.toString());
    assertTrue(order.subList(0, order.size() - 1).stream().allMatch("probe"::equals));
  }

  @Test
  void aPauseEndsAfterItsLimitEvenIfTheReceiverStaysFull() {
    UdpEndpoint a = openLoopback();
    UdpEndpoint b = openLoopback();
    AtomicInteger probes = new AtomicInteger();
    b.setReceiveAdmission(
        firstByteOneIsFull(
            refused -> {
              probes.incrementAndGet();
              return false;
            }));
    ConcurrentLinkedQueue<Datagram> published = new ConcurrentLinkedQueue<>();
    subscriptions.add(b.receive().subscribe(published::add));

    a.send(b.localAddress(), packet(1, 1));
    waitUntil(() -> b.statistics().readPauses() == 1);
    a.send(b.localAddress(), packet(2, 1));
    // Another community's datagram is read after at most the pause limit.
    waitUntil(() -> published.size() == 1);
    assertTrue(probes.get() >= 1, "it was read after the pause, not during it");
    assertEquals(2, published.peek().data()[0]);
    assertTrue(b.isOpen());
  }

  @Test
  void theAdmissionReadsThePrefixAndMessageIdWithoutCopying() {
    ByteBuffer view = ByteBuffer.wrap(packet(7, 250)).asReadOnlyBuffer();
    ReceiveAdmission byMessageId =
        datagram ->
            datagram.limit() > 22 && (datagram.get(22) & 0xff) == 250 ? DropReason.POLICY : null;
    assertEquals(DropReason.POLICY, byMessageId.admit(view));
    assertEquals(null, ReceiveAdmission.ADMIT_ALL.admit(view));
  }

  /** Refuses datagrams whose first byte is 1 as INBOX_FULL and asks {@code room} while paused. */
  private static ReceiveAdmission firstByteOneIsFull(Predicate<ByteBuffer> room) {
    return new ReceiveAdmission() {
      @Override
      public DropReason admit(ByteBuffer view) {
        return view.get(0) == 1 ? DropReason.INBOX_FULL : null;
      }

      @Override
      public boolean hasRoomFor(ByteBuffer refused) {
        return room.test(refused);
      }
    };
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + TIMEOUT);
      }
      Thread.onSpinWait();
    }
  }
}
