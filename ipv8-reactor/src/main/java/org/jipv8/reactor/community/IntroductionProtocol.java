package org.jipv8.reactor.community;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Bits;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.api.messaging.Unsigned;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.HandlerTable.Invoker;
import org.jipv8.reactor.messaging.payload.IntroductionRequest;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.IntroductionResponse;
import org.jipv8.reactor.messaging.payload.IntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionResponsePayload;
import org.jipv8.reactor.messaging.payload.NewPuncturePayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PuncturePayload;
import org.jipv8.reactor.messaging.payload.PunctureRequest;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;

/**
 * The introduction and puncture protocol of one community (runtime.md section 4, wire-protocol.md
 * section 6): the handlers of messages 231..234 and 245..250, the introduction-request a walk
 * sends, the introduction-response (and the puncture-request to the introduced peer) an answer
 * sends, and what a response teaches about our own address and about new addresses to walk to. The
 * messages themselves are built by {@link IntroductionMessages}, which the bootstrap server shares.
 *
 * <p>Threading: everything runs on the protocol thread (handlers and the community's hops).
 */
final class IntroductionProtocol {
  private final Community c;
  private final CommunityId communityId;
  private final Peer myPeer;
  private final Network network;
  private final RandomGenerator random;
  private final int maxPeers;
  private final OwnAddresses own;
  private final HandlerTable handlers;
  private final Invokers invokers;
  // Null when the community's settings turn the hardening off (py-ipv8 3.1's behaviour).
  private final IntroductionGuard guard;
  // The one-element service list every introduction registers (made once, not per message).
  private final List<CommunityId> services;
  // Whether the community's peers are getPeersForService(communityId) itself (getPeers() not
  // overridden): then counts and picks ask the network without copying the peer list.
  private final boolean peersFromNetwork;

  IntroductionProtocol(
      Community c,
      OwnAddresses own,
      HandlerTable handlers,
      Invokers invokers,
      ProtocolThread thread) {
    this.c = c;
    this.communityId = c.communityId();
    this.myPeer = c.myPeer();
    this.network = c.network();
    this.random = c.random();
    this.maxPeers = c.maxPeers();
    this.own = own;
    this.handlers = handlers;
    this.invokers = invokers;
    IntroductionHardening hardening = IntroductionHardening.fromSettings(c.settings().extra());
    this.guard = hardening.enabled() ? new IntroductionGuard(hardening, thread) : null;
    this.services = List.of(communityId);
    this.peersFromNetwork = !overridesGetPeers(c.getClass());
  }

  /**
   * Whether {@code type} (a community class) overrides {@code getPeers()}; javac gives the public
   * {@code Community} a bridge to the method of its package-private superclass, which is no
   * override.
   */
  static boolean overridesGetPeers(Class<?> type) {
    try {
      Method m = type.getMethod("getPeers");
      Class<?> declaring = m.getDeclaringClass();
      return !(declaring == CommunityCore.class || (declaring == Community.class && m.isBridge()));
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  /** {@code c.getPeers().size()}. */
  private int peerCount() {
    return peersFromNetwork ? network.countPeersForService(communityId) : c.getPeers().size();
  }

  /** Community's {@code overPeerLimit}: {@code 0 <= maxPeers < |peers|}. */
  private boolean overPeerLimit() {
    return maxPeers >= 0 && peerCount() > maxPeers;
  }

  /** Registers the handlers of 231, 232, 233, 234, 245, 246, 249 and 250. */
  void registerCoreHandlers() {
    registerPunctureRequest(PunctureRequestPayload.class);
    registerPunctureRequest(NewPunctureRequestPayload.class);
    register(PuncturePayload.class, invokers.signed((peer, p) -> {}));
    register(NewPuncturePayload.class, invokers.signed((peer, p) -> {}));
    registerRequest(IntroductionRequestPayload.class);
    registerRequest(NewIntroductionRequestPayload.class);
    registerResponse(IntroductionResponsePayload.class);
    registerResponse(NewIntroductionResponsePayload.class);
  }

  /** Registers {@code invoker} under the type's message id and simple name. */
  private <P extends Record> void register(Class<P> type, Invoker<P> invoker) {
    handlers.register(
        Invokers.annotation(type).id(),
        type.getSimpleName(),
        Invokers.typedDecoder(type),
        invoker,
        null);
  }

  private <P extends Record & PunctureRequest> void registerPunctureRequest(Class<P> type) {
    int id = Invokers.annotation(type).id();
    register(
        type,
        (source, d) -> {
          onPunctureRequest(source, d.payload(), id);
          return new Received<>(null, source, d.globalTime(), d.payload());
        });
  }

  private <P extends Record & IntroductionRequest> void registerRequest(Class<P> type) {
    int id = Invokers.annotation(type).id();
    register(type, invokers.received(r -> onIntroductionRequest(r, id)));
  }

  private <P extends Record & IntroductionResponse> void registerResponse(Class<P> type) {
    int id = Invokers.annotation(type).id();
    register(type, invokers.received(r -> onIntroductionResponse(r, id)));
  }

  /**
   * A random peer of this community other than {@code exclude}; unless {@code newStyle}, only peers
   * whose preferred address is IPv4. Null when none qualifies.
   */
  Peer getPeerForIntroduction(Peer exclude, boolean newStyle) {
    if (peersFromNetwork) {
      return network.randomPeerForService(communityId, exclude, !newStyle, random);
    }
    List<Peer> candidates = new ArrayList<>();
    for (Peer p : c.getPeers()) {
      if (p.equals(exclude)) {
        continue;
      }
      if (!newStyle && p.address().kind() != AddressKind.UDPV4) {
        continue;
      }
      candidates.add(p);
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  /**
   * Sends an introduction-request to {@code destination}: new-style (234) when {@code newStyle} or
   * the destination is IPv6, else old-style (246, flags 0x01). Its global time and identifier are
   * both the claimed global time mod 65536.
   */
  void sendIntroductionRequest(Address destination, boolean newStyle) {
    int identifier = Unsigned.mod65536(c.claimGlobalTime());
    byte[] extra = c.introductionRequestExtraBytes(destination);
    Record payload;
    if (newStyle || destination.isIpv6()) {
      payload =
          new NewIntroductionRequestPayload(
              destination,
              own.myEstimatedLan(),
              own.myPreferredAddress(c.interfaceFamilies(), c::ownAddressOf),
              identifier,
              Bits.NONE,
              extra);
    } else {
      payload =
          IntroductionMessages.request(
              destination, own.myEstimatedLan(), own.myEstimatedWan(), identifier, extra);
    }
    if (guard != null) {
      // Recorded before sending: on a synchronous transport the answer arrives inside sendNow.
      guard.requested(destination, identifier, c.now());
      scheduleRetry(destination, payload, identifier, 1);
    }
    c.sendNow(destination, payload, identifier);
  }

  /**
   * Sends an unanswered request again (same payload, so the same identifier and, for a signed
   * message, the same bytes) after the retry interval, up to the configured number of retries: a
   * single lost datagram then no longer costs a whole walk step.
   */
  private void scheduleRetry(Address destination, Record payload, int identifier, int attempt) {
    IntroductionHardening h = guard.config();
    if (attempt > h.retries()) {
      return;
    }
    c.protocolScheduler()
        .schedule(
            () -> {
              if (!c.isUnloaded() && guard.isPending(destination, identifier, c.now())) {
                c.sendNow(destination, payload, identifier);
                scheduleRetry(destination, payload, identifier, attempt + 1);
              }
            },
            h.retryInterval().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private <P extends Record & IntroductionRequest> void onIntroductionRequest(
      Received<P> r, int messageId) {
    P request = r.payload();
    Peer peer = r.peer();
    if (request.supportsNewStyle()) {
      peer.setNewStyleIntro(true);
    }
    if (overPeerLimit()) {
      c.dropAs(DropReason.PEER_LIMIT, messageId);
      return;
    }
    Address sourceLan = request.sourceLanAddress();
    if (sourceLan.kind() == AddressKind.UDPV4) {
      Address lan = sourceLan.withKind(AddressKind.UDPV4_LAN);
      // A requester repeats its LAN address; rewriting the same slot would only copy its map.
      if (!lan.equals(peer.lanAddress())) {
        peer.addAddress(lan);
      }
    }
    network.addVerifiedPeer(peer);
    network.discoverServices(peer, services);
    Outgoing response =
        createIntroductionResponse(
            request.destinationAddress(),
            peer.address(),
            request.identifier(),
            null,
            peer.newStyleIntro());
    c.sendNow(peer.address(), response.payload(), response.globalTime());
    c.introductionRequestCallback(peer, r.globalTime(), r.payload());
  }

  /**
   * Builds an introduction-response (runtime.md section 4.5) and, when it introduces a peer C,
   * first sends C a puncture-request (unsigned; new-style if {@code newStyle} or either walker
   * address is not IPv4) whose LAN walker is {@code lan} (py quirk A12: the request's destination
   * address) and WAN walker is {@code requester}.
   *
   * @param lan the request's destination address
   * @param requester the requester's address
   * @param identifier the request's identifier
   * @param introduction the peer to introduce, or null for a random one
   * @param newStyle whether to build a 233 (else 245)
   */
  Outgoing createIntroductionResponse(
      Address lan, Address requester, int identifier, Peer introduction, boolean newStyle) {
    long globalTime = Unsigned.mod65536(c.claimGlobalTime());
    Peer other = network.getVerifiedByAddress(requester);
    Peer intro = introduction != null ? introduction : getPeerForIntroduction(other, newStyle);
    Address introLan = Address.NULL;
    Address introWan = Address.NULL;
    if (intro != null) {
      Address ia = intro.address();
      if (ia.kind() == AddressKind.UDPV4 && own.addressIsLan(ia.host())) {
        introLan = ia;
        introWan = Address.ipv4(own.myEstimatedWan().host(), ia.port());
      } else {
        Address lanSlot = intro.lanAddress();
        introLan = lanSlot != null ? lanSlot.withKind(AddressKind.UDPV4) : Address.NULL;
        introWan = ia;
      }
    }
    boolean introNewStyle = intro != null && intro.newStyleIntro();
    byte[] extra = c.introductionResponseExtraBytes(requester);
    Record payload;
    if (newStyle) {
      payload =
          new NewIntroductionResponsePayload(
              requester,
              own.myEstimatedLan(),
              own.myPreferredAddress(c.interfaceFamilies(), c::ownAddressOf),
              introLan,
              introWan,
              identifier,
              new Bits(introNewStyle ? NewIntroductionResponsePayload.INTRO_SUPPORTS_NEW_STYLE : 0),
              extra);
    } else {
      int flags = IntroductionResponsePayload.SUPPORTS_NEW_STYLE;
      if (introNewStyle) {
        flags |= IntroductionResponsePayload.INTRO_SUPPORTS_NEW_STYLE;
      }
      if (maxPeers >= 0 && maxPeers <= peerCount()) {
        flags |= IntroductionResponsePayload.PEER_LIMIT_REACHED;
      }
      payload =
          IntroductionMessages.response(
              requester,
              own.myEstimatedLan(),
              own.myEstimatedWan(),
              introLan,
              introWan,
              flags,
              identifier,
              extra);
    }
    if (intro != null) {
      boolean newStylePuncture =
          newStyle || lan.kind() != AddressKind.UDPV4 || requester.kind() != AddressKind.UDPV4;
      Record punctureRequest =
          IntroductionMessages.punctureRequest(lan, requester, identifier, newStylePuncture);
      c.sendNow(intro.address(), punctureRequest, c.claimGlobalTime());
    }
    return new Outgoing(payload, globalTime);
  }

  private <P extends Record & IntroductionResponse> void onIntroductionResponse(
      Received<P> r, int messageId) {
    P response = r.payload();
    Peer peer = r.peer();
    int identifier = response.identifier();
    if (guard != null && !admitResponse(r, messageId, identifier)) {
      return;
    }
    Address destination = response.destinationAddress();
    Address sourceWan = response.sourceWanAddress();
    Address lanIntroduction = response.lanIntroductionAddress();
    Address wanIntroduction = response.wanIntroductionAddress();
    boolean introSupportsNewStyle = response.introSupportsNewStyle();
    if (response.supportsNewStyle()) {
      peer.setNewStyleIntro(true);
    }
    if (destination.kind() == AddressKind.UDPV4 && !destination.isPrivateIpv4()) {
      own.setMyEstimatedWan(destination);
    }
    myPeer.addAddress(destination);
    if (peer.newStyleIntro()) {
      Address peerAddress = peer.address();
      AddressKind otherFamily = OwnAddresses.family(sourceWan);
      if (otherFamily != OwnAddresses.family(peerAddress)
          && !sourceWan.equals(peerAddress)
          && c.interfaceFamilies().contains(otherFamily)) {
        network.discoverAddress(peer, sourceWan, communityId, true);
        Address mine = c.ownAddressOf(otherFamily);
        if (mine != null) {
          c.sendNow(
              peerAddress,
              new NewPunctureRequestPayload(Address.NULL, mine, identifier),
              c.claimGlobalTime());
        }
      }
    }
    network.addVerifiedPeer(peer);
    network.discoverServices(peer, services);
    String myWanIp = own.myEstimatedWan().host();
    if (!wanIntroduction.isNull() && !wanIntroduction.host().equals(myWanIp)) {
      if (!lanIntroduction.isNull()) {
        network.discoverAddress(peer, lanIntroduction, communityId, introSupportsNewStyle);
      }
      network.discoverAddress(peer, wanIntroduction, communityId, introSupportsNewStyle);
    } else if (!lanIntroduction.isNull() && wanIntroduction.host().equals(myWanIp)) {
      network.discoverAddress(peer, lanIntroduction, communityId, introSupportsNewStyle);
    } else if (!wanIntroduction.isNull()) {
      network.discoverAddress(peer, wanIntroduction, communityId, introSupportsNewStyle);
      network.discoverAddress(
          peer,
          Address.ipv4(own.myEstimatedLan().host(), wanIntroduction.port()),
          communityId,
          introSupportsNewStyle);
    }
    c.introductionResponseCallback(peer, r.globalTime(), r.payload());
  }

  /**
   * Hardening: a response must answer a request we sent to its source with its identifier, in time
   * ({@code UNSOLICITED_RESPONSE} otherwise), and may not add a peer past {@code max_peers} ({@code
   * PEER_LIMIT}).
   */
  private boolean admitResponse(Received<? extends Record> r, int messageId, int identifier) {
    if (!guard.answered(r.source(), identifier, c.now())) {
      c.dropAs(DropReason.UNSOLICITED_RESPONSE, messageId);
      return false;
    }
    if (maxPeers >= 0 && !network.isVerified(r.peer()) && peerCount() >= maxPeers) {
      c.dropAs(DropReason.PEER_LIMIT, messageId);
      return false;
    }
    return true;
  }

  private void onPunctureRequest(Address source, PunctureRequest request, int messageId) {
    Address lanWalker = request.lanWalkerAddress();
    Address wanWalker = request.wanWalkerAddress();
    int identifier = request.identifier();
    boolean newStyle = request.newStyle();
    Address target = wanWalker;
    if (wanWalker.host().equals(own.myEstimatedWan().host())) {
      target = lanWalker;
    }
    if (guard != null && !guard.allowPunctureRequest(source, target, c.now())) {
      c.dropAs(DropReason.RATE_LIMITED, messageId);
      return;
    }
    Record puncture =
        newStyle
            ? new NewPuncturePayload(own.myEstimatedLan(), wanWalker, identifier)
            : new PuncturePayload(own.myEstimatedLan(), wanWalker, identifier);
    c.sendNow(target, puncture, c.claimGlobalTime());
  }
}
