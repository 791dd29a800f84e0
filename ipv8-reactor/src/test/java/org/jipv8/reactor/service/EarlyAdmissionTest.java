package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import org.jipv8.api.address.Address;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.LanAddressProvider;
import org.jipv8.reactor.sim.SimulatedEndpoint;
import org.jipv8.reactor.sim.SimulatedNetwork;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A node refuses a datagram for a community whose inbox is full in its endpoint, before copying it,
 * counts it as INBOX_FULL, and handles datagrams normally once the inbox has room again.
 */
class EarlyAdmissionTest {
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  // Decoding waits until the test runs these tasks: until then the community's inbox only fills.
  private final Queue<Runnable> decodeTasks = new ArrayDeque<>();
  private final Scheduler verify = Schedulers.fromExecutor(decodeTasks::add);
  private final SimulatedNetwork internet =
      SimulatedNetwork.builder().scheduler(clock).seed(7).build();
  private Ipv8 node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop().subscribe();
    }
    clock.advanceTimeBy(Duration.ofSeconds(1));
    runDecodes();
    clock.dispose();
    verify.dispose();
  }

  private static Ipv8Configuration config() {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(8090)
        .setLogLevel("INFO")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, "")
        .addOverlay("InteropCommunity", "me", List.of(), List.of(), Map.of(), List.of())
        .finalizeConfig();
  }

  /** Runs the queued decode tasks (and what they queue) and the protocol work they lead to. */
  private void runDecodes() {
    Runnable task;
    while ((task = decodeTasks.poll()) != null) {
      task.run();
      clock.advanceTime();
    }
    clock.advanceTime();
  }

  @Test
  void aFullInboxRefusesInTheEndpointAndTheNodeRecovers() {
    SimulatedEndpoint endpoint = internet.newEndpoint();
    node =
        Ipv8.builder()
            .configuration(config())
            .overlay(InteropCommunity.class, InteropCommunity::new)
            .endpoint(endpoint)
            .protocolScheduler(clock)
            .verifyScheduler(verify)
            .random(new Random(1))
            .lanAddresses(LanAddressProvider.fixed(endpoint.localAddress().host()))
            .build();
    node.start().subscribe();
    runDecodes();
    assertTrue(node.isRunning());
    InteropCommunity community = node.getOverlay(InteropCommunity.class);
    SimulatedEndpoint sender = internet.newEndpoint();
    sender.open().subscribe();
    clock.advanceTime();
    // The prefix and a message id no handler has: queued, then dropped by the community.
    byte[] datagram = Arrays.copyOf(community.prefix(), 40);
    datagram[22] = (byte) 200;
    Address to = endpoint.localAddress();

    // Nothing is decoded yet, so the inbox fills (the decode rails take what they prefetch).
    int offered = 2 * Community.INBOX_CAPACITY;
    // Sent from a task of the clock: a send from the test thread would be delivered (and
    // decoded) at once.
    clock.schedule(
        () -> {
          for (int i = 0; i < offered; i++) {
            sender.send(to, datagram);
          }
        });
    // The network's 1 ms latency: the deliveries are due together.
    clock.advanceTimeBy(Duration.ofMillis(5));

    long refused = endpoint.statistics().drops().getOrDefault(DropReason.INBOX_FULL, 0L);
    assertTrue(
        refused >= 10,
        "refused before copy: " + endpoint.statistics().drops() + community.statistics().drops());
    assertEquals(0, community.statistics().drops(DropReason.QUEUE_FULL), "none reached the inbox");
    runDecodes();
    assertEquals(offered - refused, community.statistics().drops(DropReason.UNKNOWN_MESSAGE));

    clock.schedule(() -> sender.send(to, datagram));
    clock.advanceTimeBy(Duration.ofMillis(5));
    runDecodes();

    assertEquals(
        refused, endpoint.statistics().drops().getOrDefault(DropReason.INBOX_FULL, 0L), "admitted");
    assertEquals(offered - refused + 1, community.statistics().drops(DropReason.UNKNOWN_MESSAGE));
  }
}
