package org.jipv8.reactor.community;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.PacketDecodingException;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.messaging.Decoded;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.LegacyIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.PingPayload;
import org.jipv8.reactor.messaging.payload.PongPayload;
import org.jipv8.reactor.messaging.payload.SimilarityRequestPayload;
import org.jipv8.reactor.messaging.payload.SimilarityResponsePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * py-ipv8's {@code DiscoveryCommunity} (runtime.md section 4.11, wire-protocol.md section 5.9): the
 * community every node joins to find peers of all its communities. On top of the base protocol it
 * exchanges similarity requests (which communities each identity runs) after every
 * introduction-response, answers pings, measures round trips, and answers old-style 246 requests
 * with its own handler.
 *
 * <p>Differences from the base community for 246: the peer limit is checked before decoding (a
 * refused request is counted as {@code POLICY} whatever its content); the Dispersy legacy form is
 * tried first, then the normal form; the requester is not marked new-style, its LAN hint is not
 * stored, no callback runs; the answer is always an old-style 245 to the source address. As in
 * py-ipv8 3.1 the legacy "introduce me to" mid is never honoured (a random peer is introduced).
 *
 * <p>Ping cache: keyed by the 16-bit wire identifier, not by the full global time, so round trips
 * keep being measured after 65535 claims (py quirk A16 fixed).
 *
 * <p>Threading as for {@link Community}.
 */
public class DiscoveryCommunity extends Community implements PingingOverlay, SimilarityOverlay {
  private static final Logger log = LoggerFactory.getLogger(DiscoveryCommunity.class);

  /** The DiscoveryCommunity's id. */
  public static final CommunityId COMMUNITY_ID =
      CommunityId.fromHex("7e313685c1912a141279f8248fc8db5899c5df5a");

  private final RequestCache requestCache;

  /** A DiscoveryCommunity with the given node settings. */
  public DiscoveryCommunity(CommunitySettings settings) {
    super(COMMUNITY_ID, settings);
    this.requestCache = new RequestCache(settings.protocolScheduler(), settings.random());
    addHandler(SimilarityRequestPayload.class, this::onSimilarityRequest);
    addHandler(SimilarityResponsePayload.class, this::onSimilarityResponse);
    addUnsignedHandler(PingPayload.class, this::onPing);
    addUnsignedHandler(PongPayload.class, this::onPong);
    replaceCoreHandler(
        246,
        "IntroductionRequestPayload",
        DiscoveryCommunity::decodeIntroductionRequest,
        this::onIntroductionRequest,
        this::overPeerLimit);
  }

  /** The pending pings (tests, diagnostics). */
  public final RequestCache requestCache() {
    return requestCache;
  }

  // ---------------------------------------------------------------- identities

  /**
   * This node's identities and, for each, the ids of its communities using that identity, in the
   * order the communities registered with the network.
   */
  public final Map<Peer, List<CommunityId>> identities() {
    Map<Peer, List<CommunityId>> out = new LinkedHashMap<>();
    for (Map.Entry<CommunityId, Overlay> e : network().serviceOverlays().entrySet()) {
      out.computeIfAbsent(e.getValue().myPeer(), k -> new ArrayList<>()).add(e.getKey());
    }
    return out;
  }

  private static byte[] concat(List<CommunityId> ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(20 * ids.size());
    ids.forEach(id -> out.writeBytes(id.bytes()));
    return out.toByteArray();
  }

  /** Splits a preference list into ids; a trailing partial id cannot name a community. */
  private static List<CommunityId> split(byte[] list) {
    List<CommunityId> ids = new ArrayList<>(list.length / 20);
    for (int i = 0; i + 20 <= list.length; i += 20) {
      byte[] id = new byte[20];
      System.arraycopy(list, i, id, 0, 20);
      ids.add(new CommunityId(id));
    }
    return ids;
  }

  // ---------------------------------------------------------------- similarity

  /**
   * Sends one similarity-request per local identity to {@code address}, signed by that identity and
   * listing its communities; each claims a global time (identifier = global time mod 65536).
   */
  @Override
  public void sendSimilarityRequest(Address address) {
    identities()
        .forEach(
            (identity, ids) -> {
              long globalTime = claimGlobalTime();
              sendSignedBy(
                  address,
                  new SimilarityRequestPayload(
                      Unsigned.mod65536(globalTime),
                      myEstimatedLan(),
                      myEstimatedWan(),
                      Bits.NONE,
                      concat(ids)),
                  identity,
                  globalTime);
            });
  }

  private void onSimilarityRequest(Peer node, SimilarityRequestPayload request) {
    network().discoverServices(node, split(request.preferenceList()));
    identities()
        .forEach(
            (identity, ids) ->
                sendSignedBy(
                    node.address(),
                    new SimilarityResponsePayload(request.identifier(), concat(ids), new byte[0]),
                    identity,
                    claimGlobalTime()));
  }

  private void onSimilarityResponse(Peer node, SimilarityResponsePayload response) {
    if (overPeerLimit() && !network().isVerified(node)) {
      dropByPolicy(2);
      return;
    }
    network().addVerifiedPeer(node);
    network().discoverServices(node, split(response.preferenceList()));
  }

  @Override
  protected void introductionResponseCallback(Peer peer, long globalTime, Record payload) {
    sendSimilarityRequest(peer.address());
  }

  // ---------------------------------------------------------------- ping

  /**
   * Sends an unsigned ping carrying the claimed global time mod 65536 and waits 5 s for the pong,
   * whose round trip is then added to the peer's samples.
   */
  @Override
  public void sendPing(Peer peer) {
    long globalTime = claimGlobalTime();
    int identifier = Unsigned.mod65536(globalTime);
    // The cache goes first so that even a synchronous transport finds it when the pong arrives.
    requestCache.add(new PingRequestCache(identifier, peer, now()));
    sendNow(peer.address(), new PingPayload(identifier), globalTime);
  }

  private void onPing(Address source, PingPayload ping) {
    sendNow(source, new PongPayload(ping.identifier()), claimGlobalTime());
  }

  private void onPong(Address source, PongPayload pong) {
    PingRequestCache cache =
        requestCache.get(PingRequestCache.class, PingRequestCache.PREFIX, pong.identifier());
    if (cache == null) {
      log.debug(
          "{}: pong {} from {} was answered late or did not exist",
          name(),
          pong.identifier(),
          source);
      return;
    }
    requestCache.pop(PingRequestCache.class, PingRequestCache.PREFIX, pong.identifier());
    cache.peer().addPing((now() - cache.sentAt()) / 1000.0);
  }

  // ---------------------------------------------------------------- legacy 246

  private static Decoded<Record> decodeIntroductionRequest(byte[] packet) {
    try {
      Decoded<LegacyIntroductionRequestPayload> legacy =
          Packets.decode(packet, LegacyIntroductionRequestPayload.class);
      return new Decoded<>(
          legacy.messageId(), legacy.signer(), legacy.globalTime(), legacy.payload());
    } catch (PacketDecodingException e) {
      Decoded<IntroductionRequestPayload> normal =
          Packets.decode(packet, IntroductionRequestPayload.class);
      return new Decoded<>(
          normal.messageId(), normal.signer(), normal.globalTime(), normal.payload());
    }
  }

  private Received<Record> onIntroductionRequest(Address source, Decoded<Record> decoded) {
    Address destination;
    int identifier;
    if (decoded.payload() instanceof LegacyIntroductionRequestPayload legacy) {
      destination = legacy.destinationAddress();
      identifier = legacy.identifier();
    } else if (decoded.payload() instanceof IntroductionRequestPayload normal) {
      destination = normal.destinationAddress();
      identifier = normal.identifier();
    } else {
      throw new IllegalStateException("unexpected 246 payload " + decoded.payload());
    }
    Peer peer = new Peer(decoded.signer(), source, true, this::now);
    network().addVerifiedPeer(peer);
    network().discoverServices(peer, List.of(COMMUNITY_ID));
    Outgoing response = createIntroductionResponse(destination, source, identifier, null, false);
    sendNow(source, response.payload(), response.globalTime());
    return null;
  }

  @Override
  protected Mono<Void> onUnload() {
    return Mono.fromRunnable(requestCache::shutdown);
  }
}
