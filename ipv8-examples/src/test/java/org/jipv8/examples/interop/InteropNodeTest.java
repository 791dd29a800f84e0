package org.jipv8.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jipv8.api.address.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two Java interop nodes discover each other and exchange signed and unsigned messages. */
class InteropNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(ByteArrayOutputStream out) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  private static List<JsonNode> of(List<JsonNode> events, String name) {
    return events.stream().filter(e -> e.get("event").asText().equals(name)).toList();
  }

  @Test
  @Timeout(60)
  void twoNodesDiscoverEachOtherAndEchoSignedMessages() throws Exception {
    ByteArrayOutputStream echoOut = new ByteArrayOutputStream();
    ByteArrayOutputStream senderOut = new ByteArrayOutputStream();
    InteropOptions echoOptions =
        new InteropOptions(
            "127.0.0.1",
            0,
            InteropCommunity.DEFAULT_ID,
            List.of(),
            Duration.ofSeconds(8),
            Duration.ofSeconds(1),
            0,
            false,
            true,
            null);
    InteropNode echo =
        new InteropNode(
            echoOptions, new JsonEvents(new PrintStream(echoOut, true, StandardCharsets.UTF_8)));
    CompletableFuture<Integer> echoRun = CompletableFuture.supplyAsync(echo::run);
    // The echo node prints "started" with its address before anything else (bounded: 30 s).
    Address echoAddress = null;
    for (int i = 0; i < 1200 && echoAddress == null; i++) {
      List<JsonNode> started = of(lines(echoOut), "started");
      if (!started.isEmpty()) {
        echoAddress = Address.parse(started.get(0).get("address").asText());
      } else {
        reactor.core.publisher.Mono.delay(Duration.ofMillis(25)).block();
      }
    }
    assertTrue(echoAddress != null, "echo node started");

    InteropOptions senderOptions =
        new InteropOptions(
            "127.0.0.1",
            0,
            InteropCommunity.DEFAULT_ID,
            List.of(echoAddress),
            Duration.ofSeconds(5),
            Duration.ofMillis(500),
            4,
            false,
            false,
            null);
    int senderCode =
        new InteropNode(
                senderOptions,
                new JsonEvents(new PrintStream(senderOut, true, StandardCharsets.UTF_8)))
            .run();
    assertEquals(0, senderCode);
    assertEquals(0, echoRun.get().intValue());

    List<JsonNode> sender = lines(senderOut);
    List<JsonNode> echoed = lines(echoOut);
    assertEquals(1, of(sender, "started").size());
    assertEquals(1, of(sender, "exit").size());
    assertTrue(
        of(sender, "peer_discovered").stream()
            .anyMatch(
                e ->
                    e.get("address")
                        .asText()
                        .equals(of(echoed, "started").get(0).get("address").asText())),
        "sender discovered the echo node");
    assertTrue(of(echoed, "peer_discovered").size() >= 1, "echo node discovered the sender");
    List<JsonNode> atEcho = of(echoed, "message");
    assertTrue(atEcho.size() >= 1, "echo node received messages");
    JsonNode first = atEcho.get(0);
    assertEquals("signed", first.get("variant").asText());
    assertEquals(1, first.get("msg_id").asInt());
    assertTrue(first.get("text").asText().startsWith("hello from jipv8"));
    assertEquals(
        of(sender, "started").get(0).get("public_key").asText(),
        first.get("from_public_key").asText());
    List<JsonNode> echoes = of(sender, "message");
    assertTrue(
        echoes.stream().anyMatch(e -> e.get("text").asText().startsWith("echo:hello from jipv8")),
        "sender got echoes: " + echoes);
    JsonNode reply = echoes.get(0);
    assertEquals("signed", reply.get("variant").asText());
  }

  @Test
  @Timeout(60)
  void statsCountDropsByReason() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InteropNode node =
        new InteropNode(
            new InteropOptions(
                "127.0.0.1",
                0,
                InteropCommunity.DEFAULT_ID,
                List.of(),
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                0,
                false,
                false,
                null),
            new JsonEvents(new PrintStream(out, true, StandardCharsets.UTF_8)));
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(node::run);
    Address address = null;
    for (int i = 0; i < 1200 && address == null; i++) {
      List<JsonNode> started = of(lines(out), "started");
      if (!started.isEmpty()) {
        address = Address.parse(started.get(0).get("address").asText());
      } else {
        reactor.core.publisher.Mono.delay(Duration.ofMillis(25)).block();
      }
    }
    assertTrue(address != null, "node started");
    try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
      java.net.InetSocketAddress to =
          new java.net.InetSocketAddress(
              java.net.InetAddress.getByName(address.host()), address.port());
      socket.send(new java.net.DatagramPacket(new byte[] {0, 2, 1}, 3, to));
      byte[] unknownPrefix = new byte[40];
      unknownPrefix[1] = 2;
      unknownPrefix[2] = 0x55;
      socket.send(new java.net.DatagramPacket(unknownPrefix, unknownPrefix.length, to));
    }
    assertEquals(0, run.get());
    JsonNode exit = of(lines(out), "exit").get(0);
    JsonNode byReason = exit.get("drops_by_reason");
    assertTrue(byReason != null && byReason.isObject(), "exit carries drops_by_reason: " + exit);
    assertEquals(1, byReason.path("TOO_SHORT").asLong(), "the 3-byte datagram: " + byReason);
    assertEquals(1, byReason.path("UNKNOWN_PREFIX").asLong(), "the unknown prefix: " + byReason);
  }

  @Test
  @Timeout(60)
  void unsignedMessagesArriveAndAreNotEchoed() throws Exception {
    ByteArrayOutputStream aOut = new ByteArrayOutputStream();
    ByteArrayOutputStream bOut = new ByteArrayOutputStream();
    InteropNode a =
        new InteropNode(
            new InteropOptions(
                "127.0.0.1",
                0,
                InteropCommunity.DEFAULT_ID,
                List.of(),
                Duration.ofSeconds(6),
                Duration.ofSeconds(1),
                0,
                false,
                true,
                null),
            new JsonEvents(new PrintStream(aOut, true, StandardCharsets.UTF_8)));
    a.start();
    Address aAddress = a.node().endpoint().localAddress();
    CompletableFuture<Void> aDone =
        CompletableFuture.runAsync(
            () -> {
              reactor.core.publisher.Mono.delay(Duration.ofSeconds(5)).block();
              a.node().stopNow(Duration.ofSeconds(5));
            });
    int code =
        new InteropNode(
                new InteropOptions(
                    "127.0.0.1",
                    0,
                    InteropCommunity.DEFAULT_ID,
                    List.of(aAddress),
                    Duration.ofSeconds(4),
                    Duration.ofMillis(500),
                    4,
                    true,
                    false,
                    null),
                new JsonEvents(new PrintStream(bOut, true, StandardCharsets.UTF_8)))
            .run();
    aDone.get();
    assertEquals(0, code);
    List<JsonNode> atA = of(lines(aOut), "message");
    assertTrue(!atA.isEmpty(), "a received unsigned messages");
    assertTrue(
        atA.stream()
            .allMatch(
                e -> e.get("variant").asText().equals("unsigned") && e.get("msg_id").asInt() == 2));
    assertTrue(atA.get(0).get("from_public_key").isNull());
    assertTrue(of(lines(bOut), "message").isEmpty(), "unsigned messages are never echoed");
  }

  @Test
  @Timeout(60)
  void twoNodesOnIpv6LoopbackFindEachOther() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ipv6Loopback(), "::1 is not available here");
    ByteArrayOutputStream aOut = new ByteArrayOutputStream();
    ByteArrayOutputStream bOut = new ByteArrayOutputStream();
    InteropNode a =
        new InteropNode(
            new InteropOptions(
                "::1",
                0,
                InteropCommunity.DEFAULT_ID,
                List.of(),
                Duration.ofSeconds(6),
                Duration.ofSeconds(1),
                0,
                false,
                false,
                null),
            new JsonEvents(new PrintStream(aOut, true, StandardCharsets.UTF_8)));
    a.start();
    try {
      Address aAddress = a.node().endpoint().localAddress();
      assertTrue(aAddress.isIpv6(), "bound a UDPIPv6 interface: " + aAddress);
      int code =
          new InteropNode(
                  new InteropOptions(
                      "::1",
                      0,
                      InteropCommunity.DEFAULT_ID,
                      List.of(aAddress),
                      Duration.ofSeconds(4),
                      Duration.ofSeconds(1),
                      0,
                      false,
                      false,
                      null),
                  new JsonEvents(new PrintStream(bOut, true, StandardCharsets.UTF_8)))
              .run();
      assertEquals(0, code);
      assertTrue(
          of(lines(bOut), "peer_discovered").stream()
              .anyMatch(e -> Address.parse(e.get("address").asText()).equals(aAddress)),
          "found the IPv6 node: " + bOut);
    } finally {
      a.node().stopNow(Duration.ofSeconds(10));
    }
  }

  private static boolean ipv6Loopback() {
    try (java.net.DatagramSocket s =
        new java.net.DatagramSocket(0, java.net.InetAddress.getByName("::1"))) {
      return s.getLocalPort() > 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
