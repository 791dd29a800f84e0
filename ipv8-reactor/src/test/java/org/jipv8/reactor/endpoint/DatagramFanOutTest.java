package org.jipv8.reactor.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.messaging.DropReason;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;

/** The two receive streams of an endpoint: single datagrams at once, runs at their end. */
class DatagramFanOutTest {
  private static final Address SOURCE = Address.ipv4("127.0.0.9", 9);

  private final EndpointCounters counters = new EndpointCounters();
  private final DatagramFanOut fanOut = new DatagramFanOut(counters);

  private static Datagram datagram(int n) {
    return new Datagram(SOURCE, new byte[] {(byte) n});
  }

  private static List<Integer> numbers(List<Datagram> run) {
    return run.stream().map(d -> (int) d.data()[0]).toList();
  }

  @Test
  void aRunIsHandedOnWhenItEndsWithItsDatagramsInOrderWhileSinglesGoAtOnce() {
    List<Integer> singles = new ArrayList<>();
    List<List<Integer>> runs = new ArrayList<>();
    fanOut.flux().subscribe(d -> singles.add((int) d.data()[0]));
    fanOut.bursts().subscribe(r -> runs.add(numbers(r)));

    fanOut.publish(datagram(1));
    fanOut.publish(datagram(2));
    assertEquals(List.of(1, 2), singles);
    assertEquals(List.of(), runs, "nothing before the run ends");
    fanOut.endOfBurst();
    fanOut.endOfBurst();
    fanOut.publish(datagram(3));
    fanOut.endOfBurst();

    assertEquals(List.of(List.of(1, 2), List.of(3)), runs, "an empty run is not handed on");
    assertEquals(List.of(1, 2, 3), singles);
  }

  @Test
  void aRunEndsByItselfAtTheLargestSizeAndIsUnmodifiable() {
    List<List<Datagram>> runs = new ArrayList<>();
    fanOut.bursts().subscribe(runs::add);
    for (int i = 0; i <= Endpoint.MAX_BURST; i++) {
      fanOut.publish(datagram(i));
    }
    assertEquals(1, runs.size());
    assertEquals(Endpoint.MAX_BURST, runs.get(0).size());
    fanOut.endOfBurst();
    assertEquals(List.of(Endpoint.MAX_BURST), numbers(runs.get(1)));
    assertThrows(UnsupportedOperationException.class, () -> runs.get(0).add(datagram(0)));
  }

  @Test
  void aRunSubscriberWithoutDemandLosesWholeRunsCountedPerDatagram() {
    fanOut
        .bursts()
        .subscribe(
            new BaseSubscriber<List<Datagram>>() {
              @Override
              protected void hookOnSubscribe(org.reactivestreams.Subscription s) {
                // no demand
              }
            });
    fanOut.publish(datagram(1));
    fanOut.publish(datagram(2));
    fanOut.publish(datagram(3));
    fanOut.endOfBurst();
    assertEquals(3, counters.drops(DropReason.RECEIVE_OVERFLOW));
  }

  @Test
  void datagramsPublishedWhileNoRunSubscriberListensAreInNoRun() {
    fanOut.publish(datagram(1));
    List<List<Integer>> runs = new ArrayList<>();
    fanOut.bursts().subscribe(r -> runs.add(numbers(r)));
    fanOut.publish(datagram(2));
    fanOut.endOfBurst();
    assertEquals(List.of(List.of(2)), runs);
  }

  @Test
  void completingHandsOnTheOpenRunAndCompletesBothStreams() {
    List<List<Integer>> runs = new ArrayList<>();
    boolean[] completed = new boolean[2];
    fanOut.flux().subscribe(d -> {}, e -> {}, () -> completed[0] = true);
    fanOut.bursts().subscribe(r -> runs.add(numbers(r)), e -> {}, () -> completed[1] = true);
    fanOut.publish(datagram(7));
    fanOut.complete();
    assertEquals(List.of(List.of(7)), runs);
    assertTrue(completed[0] && completed[1]);
  }
}
