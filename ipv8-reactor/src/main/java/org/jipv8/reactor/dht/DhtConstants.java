package org.jipv8.reactor.dht;

import java.time.Duration;
import org.jipv8.api.community.CommunityId;

/** py-ipv8 3.1's DHT limits, timeouts and task intervals (dht.json {@code constants}). */
public final class DhtConstants {
  /** The DHT communities' id. */
  public static final CommunityId COMMUNITY_ID =
      CommunityId.fromHex("8d0be1845d74d175f178197cad001591d04d73cc");

  /** Seconds a stored value lives unless refreshed. */
  public static final int MAX_ENTRY_AGE = 3600;

  /** Values accepted in one store-request. */
  public static final int MAX_VALUES_IN_STORE = 8;

  /** Values returned by one find-response. */
  public static final int MAX_VALUES_IN_FIND = 8;

  /** Nodes returned by one find-response. */
  public static final int MAX_NODES_IN_FIND = 8;

  /** Nodes a value (or a peer) is stored at. */
  public static final int TARGET_NODES = 8;

  /** Nodes a crawl starts with. */
  public static final int MAX_CRAWL_NODES = 8;

  /** Find-requests one crawl may send (punctures not counted). */
  public static final int MAX_CRAWL_REQUESTS = 24;

  /** Find-requests of one crawl outstanding at a time. */
  public static final int MAX_CRAWL_TASKS = 4;

  /** Nodes per routing-table bucket. */
  public static final int MAX_BUCKET_SIZE = 8;

  /** A node sending more than {@link #NODE_LIMIT_QUERIES} requests in this time is ignored. */
  public static final Duration NODE_LIMIT_INTERVAL = Duration.ofSeconds(5);

  /** Requests per {@link #NODE_LIMIT_INTERVAL} a node may send (and we send to one node). */
  public static final int NODE_LIMIT_QUERIES = 10;

  /** How long a token received in a find-response is quoted. */
  public static final Duration TOKEN_EXPIRATION_TIME = Duration.ofSeconds(600);

  /** Ping-request timeout. */
  public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

  /** Store-request timeout. */
  public static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);

  /** Find-request timeout. */
  public static final Duration FIND_TIMEOUT = Duration.ofSeconds(2);

  /** Store-peer-request timeout. */
  public static final Duration STORE_PEER_TIMEOUT = Duration.ofSeconds(5);

  /** Connect-peer-request timeout. */
  public static final Duration CONNECT_PEER_TIMEOUT = Duration.ofSeconds(5);

  /** A new token secret this often; the previous one stays valid. */
  public static final Duration TOKEN_MAINTENANCE_INTERVAL = Duration.ofSeconds(300);

  /** Bucket refresh this often. */
  public static final Duration NODE_MAINTENANCE_INTERVAL = Duration.ofSeconds(60);

  /** Expired values are removed this often. */
  public static final Duration VALUE_MAINTENANCE_INTERVAL = Duration.ofSeconds(3600);

  /** DHTDiscoveryCommunity announces itself (store-peer) this often. */
  public static final Duration STORE_PEER_INTERVAL = Duration.ofSeconds(30);

  /** DHTDiscoveryCommunity pings the nodes that store it this often. */
  public static final Duration PING_ALL_INTERVAL = Duration.ofSeconds(10);

  /** Minimum time between two pings of one node. */
  public static final Duration PING_INTERVAL = Duration.ofSeconds(25);

  /** A bucket unchanged this long is refreshed by a lookup of a random id in it. */
  public static final Duration BUCKET_REFRESH_AGE = Duration.ofMinutes(15);

  /** A node that responded within this time (or queried us after ever responding) is good. */
  public static final Duration GOOD_NODE_AGE = Duration.ofMinutes(15);

  /** A stored peer that has not pinged us for this long is forgotten. */
  public static final Duration STORED_PEER_AGE = Duration.ofSeconds(60);

  private DhtConstants() {}
}
