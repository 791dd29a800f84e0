package org.jipv8.reactor.dht;

import static org.jipv8.reactor.dht.DhtVectorsTest.DHT;
import static org.jipv8.reactor.dht.DhtVectorsTest.HEX;
import static org.jipv8.reactor.dht.DhtVectorsTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jipv8.reactor.crypto.Keys;
import org.jipv8.reactor.testing.Vectors;
import org.junit.jupiter.api.Test;

/** dht.json's routing_table_example, tokens and storage_example, against this package's state. */
class DhtStateVectorsTest {
  static final long NOW = 1_700_000_000_000L;

  @Test
  void routingTableExampleSplitsOnlyOurOwnBucket() {
    JsonNode ex = DHT.get("routing_table_example");
    RoutingTable table = new RoutingTable(Vectors.hex(ex.get("my_node_id_hex")));
    assertEquals(ex.get("max_bucket_size").asInt(), DhtConstants.MAX_BUCKET_SIZE);
    for (JsonNode n : ex.get("nodes_added_in_order")) {
      Node node =
          new Node(
              Keys.publicFromBin(Vectors.hex(n.get("public_key_bin_hex"))),
              address(n.get("address")));
      assertEquals(n.get("node_id_hex").asText(), HEX.formatHex(node.id()));
      boolean added = table.add(node, NOW) != null;
      assertEquals(n.get("added").asBoolean(), added, n.get("node_id_hex").asText());
    }
    List<Bucket> buckets = table.buckets();
    assertEquals(ex.get("buckets_after").size(), buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      JsonNode want = ex.get("buckets_after").get(i);
      assertEquals(want.get("prefix_bits").asText(), buckets.get(i).prefix());
      TreeSet<String> ids = new TreeSet<>();
      buckets.get(i).nodes().forEach(t -> ids.add(HEX.formatHex(t.id())));
      TreeSet<String> expected = new TreeSet<>();
      want.get("node_ids_hex").forEach(x -> expected.add(x.asText()));
      assertEquals(expected, ids);
    }
    for (JsonNode c : ex.get("closest_nodes")) {
      List<String> got = new ArrayList<>();
      table
          .closestNodes(Vectors.hex(c.get("target_hex")), c.get("max_nodes").asInt(), null)
          .forEach(t -> got.add(HEX.formatHex(t.id())));
      List<String> want = new ArrayList<>();
      c.get("closest_nodes_hex").forEach(x -> want.add(x.asText()));
      assertEquals(want, got);
    }
  }

  @Test
  void tokensAreShaOfThePeerStringAndTheSecret() {
    for (JsonNode t : DHT.get("tokens").get("examples")) {
      TokenIssuer issuer = new TokenIssuer();
      issuer.rotate(Vectors.hex(t.get("issuer_secret_hex")));
      JsonNode requester = DHT.get("nodes").get(t.get("requester").asText());
      Node node =
          new Node(
              Keys.publicFromBin(Vectors.hex(requester.get("public_key_bin_hex"))),
              address(requester.get("wan")));
      assertEquals(t.get("requester_str").asText(), TokenIssuer.describe(node));
      assertEquals(t.get("token_hex").asText(), HEX.formatHex(issuer.generate(node)));
      assertTrue(issuer.check(node, Vectors.hex(t.get("token_hex"))));
    }
  }

  @Test
  void storageExampleKeepsTheNewestFirstAndOneValuePerId() {
    JsonNode ex = DHT.get("values").get("storage_example");
    byte[] key = Vectors.hex(ex.get("key_hex"));
    Storage storage = new Storage();
    for (String name : List.of("signed", "signed-newer-version", "signed-by-B", "unsigned")) {
      byte[] value = valueCase(name);
      DhtValue parsed = DhtValues.parse(value).orElseThrow();
      storage.put(
          key,
          value,
          parsed.signed() ? DhtValues.sha1(parsed.signer().toBin()) : null,
          parsed.version(),
          3_600_000,
          NOW);
    }
    List<String> got = new ArrayList<>();
    storage.get(key, 0, 0).forEach(v -> got.add(HEX.formatHex(v)));
    List<String> want = new ArrayList<>();
    ex.get("storage_get_in_order_hex").forEach(x -> want.add(x.asText()));
    assertEquals(want, got);

    List<DhtValue> merged = DhtValues.latestPerSigner(storage.get(key, 0, 0));
    JsonNode post = ex.get("post_process_values");
    assertEquals(post.size(), merged.size());
    for (int i = 0; i < merged.size(); i++) {
      assertEquals(post.get(i).get("data_hex").asText(), HEX.formatHex(merged.get(i).data()));
      if (post.get(i).get("public_key_bin_hex").isNull()) {
        assertNull(merged.get(i).signer());
      } else {
        assertEquals(
            post.get(i).get("public_key_bin_hex").asText(),
            HEX.formatHex(merged.get(i).signer().toBin()));
      }
    }
  }

  @Test
  void constantsAreDhtJsons() {
    JsonNode c = DHT.get("constants");
    assertEquals(c.get("MAX_ENTRY_SIZE").asInt(), DhtValues.MAX_ENTRY_SIZE);
    assertEquals(c.get("MAX_ENTRY_AGE").asInt(), DhtConstants.MAX_ENTRY_AGE);
    assertEquals(c.get("MAX_VALUES_IN_STORE").asInt(), DhtConstants.MAX_VALUES_IN_STORE);
    assertEquals(c.get("MAX_VALUES_IN_FIND").asInt(), DhtConstants.MAX_VALUES_IN_FIND);
    assertEquals(c.get("MAX_NODES_IN_FIND").asInt(), DhtConstants.MAX_NODES_IN_FIND);
    assertEquals(c.get("TARGET_NODES").asInt(), DhtConstants.TARGET_NODES);
    assertEquals(c.get("MAX_CRAWL_NODES").asInt(), DhtConstants.MAX_CRAWL_NODES);
    assertEquals(c.get("MAX_CRAWL_REQUESTS").asInt(), DhtConstants.MAX_CRAWL_REQUESTS);
    assertEquals(c.get("MAX_CRAWL_TASKS").asInt(), DhtConstants.MAX_CRAWL_TASKS);
    assertEquals(c.get("PING_INTERVAL").asInt(), DhtConstants.PING_INTERVAL.toSeconds());
    assertEquals(
        c.get("TOKEN_EXPIRATION_TIME").asInt(), DhtConstants.TOKEN_EXPIRATION_TIME.toSeconds());
    assertEquals(c.get("MAX_BUCKET_SIZE").asInt(), DhtConstants.MAX_BUCKET_SIZE);
    assertEquals(
        c.get("NODE_LIMIT_INTERVAL").asInt(), DhtConstants.NODE_LIMIT_INTERVAL.toSeconds());
    assertEquals(c.get("NODE_LIMIT_QUERIES").asInt(), DhtConstants.NODE_LIMIT_QUERIES);
    JsonNode t = c.get("request_timeouts_s");
    assertEquals(t.get("ping").asDouble(), DhtConstants.PING_TIMEOUT.toMillis() / 1000.0);
    assertEquals(t.get("store").asDouble(), DhtConstants.STORE_TIMEOUT.toMillis() / 1000.0);
    assertEquals(t.get("find").asDouble(), DhtConstants.FIND_TIMEOUT.toMillis() / 1000.0);
    assertEquals(
        t.get("store-peer").asDouble(), DhtConstants.STORE_PEER_TIMEOUT.toMillis() / 1000.0);
    assertEquals(
        t.get("connect-peer").asDouble(), DhtConstants.CONNECT_PEER_TIMEOUT.toMillis() / 1000.0);
    JsonNode i = c.get("task_intervals_s");
    assertEquals(
        i.get("token_maintenance (new token secret)").asInt(),
        DhtConstants.TOKEN_MAINTENANCE_INTERVAL.toSeconds());
    assertEquals(
        i.get("node_maintenance").asInt(), DhtConstants.NODE_MAINTENANCE_INTERVAL.toSeconds());
    assertEquals(
        i.get("value_maintenance").asInt(), DhtConstants.VALUE_MAINTENANCE_INTERVAL.toSeconds());
    assertEquals(
        i.get("store_peer (DHTDiscoveryCommunity)").asInt(),
        DhtConstants.STORE_PEER_INTERVAL.toSeconds());
    assertEquals(
        i.get("ping_all (DHTDiscoveryCommunity)").asInt(),
        DhtConstants.PING_ALL_INTERVAL.toSeconds());
  }

  static byte[] valueCase(String name) {
    for (JsonNode c : DHT.get("values").get("cases")) {
      if (c.get("name").asText().equals(name)) {
        return Vectors.hex(c.get("value_hex"));
      }
    }
    throw new AssertionError("no value case " + name);
  }
}
