package org.jipv8.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * Two Java interop nodes with {@code --with-dht} over loopback: one stores a signed value, finds it
 * and locates the other by mid, printing the events issue 12 names.
 */
class DhtInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "e4852bc7a7ca0eeeb669518eb94d7f59b3528e65";
  private static final String VALUE = "7369676e65642062792041";

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

  private static InteropOptions options(List<Address> walkTo, Duration duration) {
    return new InteropOptions(
        "127.0.0.1",
        0,
        InteropCommunity.DEFAULT_ID,
        walkTo,
        duration,
        Duration.ofSeconds(1),
        0,
        false,
        false,
        null);
  }

  @Test
  @Timeout(150)
  void twoNodesStoreFindAndConnectThroughTheDht() throws Exception {
    ByteArrayOutputStream aOut = new ByteArrayOutputStream();
    InteropNode a =
        new InteropNode(
            options(List.of(), Duration.ofSeconds(20)),
            DhtOptions.parse(true, List.of(), List.of(), List.of()),
            new JsonEvents(new PrintStream(aOut, true, StandardCharsets.UTF_8)));
    CompletableFuture<Integer> aRun = CompletableFuture.supplyAsync(a::run);
    JsonNode aStarted = null;
    for (int i = 0; i < 1200 && aStarted == null; i++) {
      List<JsonNode> started = of(lines(aOut), "started");
      if (!started.isEmpty()) {
        aStarted = started.get(0);
      } else {
        reactor.core.publisher.Mono.delay(Duration.ofMillis(25)).block();
      }
    }
    assertTrue(aStarted != null, "node A started");
    Address aAddress = Address.parse(aStarted.get("address").asText());
    String aMid = aStarted.get("mid").asText();

    ByteArrayOutputStream bOut = new ByteArrayOutputStream();
    int code =
        new InteropNode(
                options(List.of(aAddress), Duration.ofSeconds(16)),
                DhtOptions.parse(true, List.of(KEY + "=" + VALUE), List.of(KEY), List.of(aMid)),
                new JsonEvents(new PrintStream(bOut, true, StandardCharsets.UTF_8)))
            .run();
    assertEquals(0, code);
    assertEquals(0, aRun.get().intValue());

    List<JsonNode> b = lines(bOut);
    assertTrue(
        of(b, "peer_discovered").stream()
            .anyMatch(
                e ->
                    e.has("community")
                        && e.get("community").asText().equals("dht")
                        && e.get("mid").asText().equals(aMid)),
        "B reports A as a DHT peer: " + of(b, "peer_discovered"));
    List<JsonNode> stored = of(b, "dht_stored");
    assertEquals(1, stored.size(), "events: " + b);
    assertEquals(KEY, stored.get(0).get("key").asText());
    assertTrue(stored.get(0).get("nodes").asInt() >= 1);
    List<JsonNode> found = of(b, "dht_found");
    assertEquals(1, found.size(), "events: " + b);
    assertEquals(KEY, found.get(0).get("key").asText());
    assertEquals(VALUE, found.get(0).get("values").get(0).asText());
    assertEquals(
        of(b, "started").get(0).get("public_key").asText(),
        found.get(0).get("signers").get(0).asText(),
        "the value is signed by B and the signature verified");
    List<JsonNode> peer = of(b, "dht_peer_found");
    assertEquals(1, peer.size(), "events: " + b);
    assertEquals(aMid, peer.get(0).get("mid").asText());
    assertEquals(aAddress.toString(), peer.get(0).get("address").asText());
    assertEquals(0, of(b, "dht_store_failed").size());
    assertEquals(0, of(b, "dht_find_failed").size());
  }

  @Test
  void dhtFlagsAreCheckedAndNeedWithDht() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DhtOptions.parse(false, List.of(), List.of(KEY), List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DhtOptions.parse(true, List.of("abcd"), List.of(), List.of()));
    assertTrue(e.getMessage().contains("--dht-store"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DhtOptions.parse(true, List.of(), List.of("abcd"), List.of()));
    assertTrue(e.getMessage().contains("40 hex digits"), e.getMessage());
  }
}
