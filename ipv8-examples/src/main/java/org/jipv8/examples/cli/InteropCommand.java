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
import picocli.CommandLine.Option;

/** {@code ipv8 interop}: a node of the interop community reporting JSON lines on stdout. */
@Command(
    name = "interop",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node in the interop community (shared/interop/README.md) on 127.0.0.1 and prints one",
      "JSON object per line on stdout: started, peer_discovered, message, stats, exit."
    })
final class InteropCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, description = "UDP port (0: any)")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--community-id", description = "40 hex digits (default: interop-test-commnty)")
  String communityId;

  @Option(
      names = "--walk-to",
      description = "HOST:PORT to keep walking to until it answers (repeatable)")
  List<String> walkTo = new ArrayList<>();

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "seconds to run (default ${DEFAULT-VALUE})")
  double duration;

  @Option(
      names = "--send-interval",
      defaultValue = "1",
      description = "seconds between send rounds (default ${DEFAULT-VALUE})")
  double sendInterval;

  @Option(
      names = "--send-count",
      defaultValue = "0",
      description = "send rounds, each to every peer (default ${DEFAULT-VALUE})")
  int sendCount;

  @Option(names = "--unsigned", description = "send message 2 (unsigned) instead of message 1")
  boolean unsigned;

  @Option(
      names = "--echo",
      description = "answer signed messages with \"echo:\" + text and counter + 1")
  boolean echo;

  @Option(names = "--key-file", description = "py-ipv8 key file to use (created when missing)")
  Path keyFile;

  @Option(
      names = "--with-dht",
      description = "also run DHTDiscoveryCommunity (RandomWalk + PingChurn), walking to --walk-to")
  boolean withDht;

  @Option(
      names = "--dht-store",
      description = "KEY_HEX=VALUE_HEX to store signed in the DHT (repeatable)")
  List<String> dhtStore = new ArrayList<>();

  @Option(names = "--dht-find", description = "KEY_HEX whose values to find (repeatable)")
  List<String> dhtFind = new ArrayList<>();

  @Option(names = "--dht-connect", description = "MID_HEX of a peer to locate (repeatable)")
  List<String> dhtConnect = new ArrayList<>();

  @Override
  public Integer call() {
    return new InteropNode(options(), dhtOptions(), new JsonEvents(System.out)).run();
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
