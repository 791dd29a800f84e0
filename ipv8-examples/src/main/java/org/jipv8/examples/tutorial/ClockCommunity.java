package org.jipv8.examples.tutorial;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.discovery.StrategyFactory;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;

// tag::community[]
/**
 * The first overlay of py-ipv8's tutorial, in Java: every second each node sends its Lamport clock
 * to all its peers; a node receiving a clock moves its own past it.
 */
public class ClockCommunity extends Community {
  /** Any 20 bytes name a community; these spell "jipv8 tutorial clock". */
  public static final CommunityId ID =
      CommunityId.fromHex("6a69707638207475746f7269616c20636c6f636b");

  /** A message is one record; the id is its byte on the wire. */
  @Message(id = 1, globalTime = false)
  public record ClockMessage(@Format("Q") long clock) {}

  private final AtomicLong lamport = new AtomicLong();
  private final AtomicLong received = new AtomicLong();

  public ClockCommunity(CommunitySettings settings) {
    super(ID, settings);
    // A handler is one method.
    addHandler(ClockMessage.class, this::onClock);
  }

  /** Called by the node once it is running: start talking every second. */
  public void startTalking() {
    tasks().register("send_clocks", Duration.ofSeconds(1), this::sendClocks);
  }

  private void sendClocks() {
    for (Peer peer : getPeers()) {
      // Sending is one call: signed with this node's key, sent to the peer's address.
      sendNow(peer, new ClockMessage(lamport.get()));
    }
  }

  private void onClock(Peer peer, ClockMessage message) {
    lamport.accumulateAndGet(message.clock(), (mine, theirs) -> Math.max(mine, theirs) + 1);
    received.incrementAndGet();
  }

  // end::community[]

  /** The current clock. */
  public long clock() {
    return lamport.get();
  }

  /** Clock messages received so far. */
  public long received() {
    return received.get();
  }

  // tag::strategies[]
  /** Offers the tutorial's strategy to configuration files by name. */
  @Override
  public Map<String, StrategyFactory> availableStrategies() {
    Map<String, StrategyFactory> strategies = new LinkedHashMap<>(super.availableStrategies());
    strategies.put("AskRandomPeer", (overlay, init) -> new AskRandomPeer((ClockCommunity) overlay));
    return strategies;
  }
  // end::strategies[]
}
