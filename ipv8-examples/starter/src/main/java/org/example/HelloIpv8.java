package org.example;

import java.time.Duration;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.service.Ipv8;
import org.jipv8.reactor.service.Ipv8Builder;
import org.jipv8.reactor.service.LocalTracker;
import org.jipv8.reactor.service.OverlayDefinition;
import org.jipv8.reactor.service.Walkers;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Two nodes on this machine find each other through a local tracker; one says hello, the other
 * prints it. Everything stays on 127.0.0.1. Exits with 0 once the hello arrived, 1 after 30 s.
 */
public final class HelloIpv8 {

  /** A community: a 20-byte id, one message, one handler. */
  public static final class HelloCommunity extends Community {
    /** These 20 bytes spell "my first ipv8 app!!!"; nodes with the same id form one overlay. */
    public static final CommunityId ID =
        CommunityId.fromHex("6d79206669727374206970763820617070212121");

    /** The message: a record whose fields map to py-ipv8 wire formats. */
    @Message(id = 1)
    public record Hello(@Format("varlenH") String text) {}

    final Sinks.One<String> received = Sinks.one();

    public HelloCommunity(CommunitySettings settings) {
      super(ID, settings);
      addHandler(Hello.class, (Peer from, Hello hello) -> received.tryEmitValue(hello.text()));
    }

    /** Says hello to every peer (call on the node's protocol thread). */
    void greetEveryone(String name) {
      for (Peer peer : getPeers()) {
        sendNow(peer, new Hello("hello from " + name));
      }
    }
  }

  public static void main(String[] args) {
    int exitCode;
    try (LocalTracker tracker = LocalTracker.startNow(Duration.ofSeconds(10))) {
      Ipv8Builder builder =
          Ipv8.builder()
              .loopback()
              .overlay(
                  OverlayDefinition.of(HelloCommunity.class, HelloCommunity::new)
                      .walker(Walkers.randomWalk(10))
                      .bootstrapper(tracker::bootstrapper));
      Ipv8 alice = builder.startNow(Duration.ofSeconds(10));
      Ipv8 bob = builder.startNow(Duration.ofSeconds(10));
      HelloCommunity fromAlice = alice.getOverlay(HelloCommunity.class);
      HelloCommunity atBob = bob.getOverlay(HelloCommunity.class);
      // Alice greets her peers every second until Bob has heard her (at most 30 s).
      Disposable greeting =
          Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
              .concatMap(tick -> alice.onProtocolThread(() -> fromAlice.greetEveryone("alice")))
              .subscribe();
      try {
        String text =
            atBob
                .received
                .asMono()
                .timeout(Duration.ofSeconds(30))
                .onErrorResume(e -> Mono.empty())
                .block();
        System.out.println(text == null ? "no hello within 30 s" : "bob got: " + text);
        exitCode = text == null ? 1 : 0;
      } finally {
        greeting.dispose();
        alice.stopNow(Duration.ofSeconds(10));
        bob.stopNow(Duration.ofSeconds(10));
      }
    }
    System.exit(exitCode);
  }
}
