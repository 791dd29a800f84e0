package org.jipv8.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.examples.interop.DhtOptions;
import org.jipv8.examples.interop.InteropCommunity;
import org.jipv8.examples.interop.InteropNode;
import org.jipv8.examples.interop.InteropOptions;
import org.jipv8.examples.interop.JsonEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipv8 interop}: a node of the interop community reporting JSON lines on stdout. */
@Command(
    name = "interop",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node of the interop community and prints what happens as JSON lines on stdout.",
      "The node binds 127.0.0.1 by default (--host ::1 binds a UDPIPv6 interface), walks to the"
          + " --walk-to addresses and to the peers they introduce, and can send and echo messages."
          + " Each line is one JSON object whose \"event\" is started, peer_discovered, message,"
          + " stats or exit. A py-ipv8 node running the same community (id, messages 1 and 2) is"
          + " found and talked to in both directions."
    })
final class InteropCommand implements Callable<Integer> {
  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--port",
      required = true,
      paramLabel = "PORT",
      description = "The UDP port, 0..65535 (0: any free port).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "IP",
      description =
          "The address to bind: an IPv4 address, or an IPv6 address such as ::1 for a UDPIPv6"
              + " interface (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--community-id",
      paramLabel = "HEX",
      description = "The community id, 40 hex digits (default: the bytes of interop-test-commnty).")
  String communityId;

  @Option(
      names = "--walk-to",
      paramLabel = "HOST:PORT",
      description =
          "An address to keep walking to until it answers; repeat the option for several"
              + " ([v6]:port for IPv6).")
  List<String> walkTo = new ArrayList<>();

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "Seconds to run (default ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--send-interval",
      defaultValue = "1",
      description = "Seconds between two send rounds (default ${DEFAULT-VALUE}).")
  double sendInterval;

  @Option(
      names = "--send-count",
      defaultValue = "0",
      description = "Send rounds, each to every peer (default ${DEFAULT-VALUE}: none).")
  int sendCount;

  @Option(names = "--unsigned", description = "Send message 2 (unsigned) instead of message 1.")
  boolean unsigned;

  @Option(
      names = "--echo",
      description = "Answer each signed message with \"echo:\" + its text and its counter + 1.")
  boolean echo;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "A key file in py-ipv8's format, created when missing (default: a fresh key).")
  Path keyFile;

  @Option(
      names = "--with-dht",
      description =
          "Also run DHTDiscoveryCommunity (RandomWalk and PingChurn), walking to the --walk-to addresses.")
  boolean withDht;

  @Option(
      names = "--dht-store",
      description = "Store VALUE_HEX under KEY_HEX in the DHT, signed (repeatable).")
  List<String> dhtStore = new ArrayList<>();

  @Option(
      names = "--dht-find",
      description = "Find the DHT values stored under KEY_HEX (repeatable).")
  List<String> dhtFind = new ArrayList<>();

  @Option(
      names = "--dht-connect",
      description = "Locate the peer whose mid is MID_HEX through the DHT (repeatable).")
  List<String> dhtConnect = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      return new InteropNode(options(), dhtOptions(), new JsonEvents(System.out)).run();
    } catch (RuntimeException e) {
      String bind = BindErrors.describe(e, BindErrors.FLAGS);
      if (bind != null) {
        throw new IllegalArgumentException(bind, e);
      }
      throw e;
    }
  }

  DhtOptions dhtOptions() {
    return DhtOptions.parse(withDht, dhtStore, dhtFind, dhtConnect);
  }

  InteropOptions options() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    }
    if (!(duration > 0)) {
      throw new IllegalArgumentException("--duration must be positive, got " + duration);
    }
    if (!(sendInterval > 0)) {
      throw new IllegalArgumentException("--send-interval must be positive, got " + sendInterval);
    }
    if (sendCount < 0) {
      throw new IllegalArgumentException("--send-count must not be negative, got " + sendCount);
    }
    CommunityId id;
    try {
      id = communityId == null ? InteropCommunity.DEFAULT_ID : CommunityId.fromHex(communityId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--community-id: " + e.getMessage());
    }
    List<Address> targets = new ArrayList<>();
    for (String w : walkTo) {
      try {
        targets.add(Address.parse(w));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--walk-to: " + e.getMessage());
      }
    }
    return new InteropOptions(
        host,
        port,
        id,
        targets,
        Duration.ofMillis(Math.round(duration * 1000)),
        Duration.ofMillis(Math.round(sendInterval * 1000)),
        sendCount,
        unsigned,
        echo,
        keyFile);
  }
}
